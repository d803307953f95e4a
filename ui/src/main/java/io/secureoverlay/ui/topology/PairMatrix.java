package io.secureoverlay.ui.topology;

import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link PairState} of every unordered pair of nodes, from the nodes' reports. Nodes are
 * addressed by position (0..n-1); the plan's stable indices, which the reports' node sets use, are
 * translated once per node, so the whole matrix costs a few bit operations per pair: about half a
 * million pairs at a thousand nodes.
 *
 * <p>A direction a→b is encrypted when a's {@code encryptingTo} holds b's index. It is broken when
 * a encrypts to b with an outbound epoch that b does not list in {@code inboundEpochs} (b drops the
 * ESP), or when b's {@code enforcingFrom} holds a while a does not encrypt to b (b drops the
 * plaintext). A node without a report encrypts to nobody and enforces nothing; nobody can tell what
 * it accepts, so ESP toward it is not judged broken.
 */
public final class PairMatrix {

  private final int size;
  private final byte[] states;
  private final Map<PairState, Long> counts;

  private PairMatrix(int size, byte[] states, Map<PairState, Long> counts) {
    this.size = size;
    this.states = states;
    this.counts = counts;
  }

  /**
   * @param planIndices each position's stable plan index, or -1 when the plan does not list it
   * @param reports each position's report, null when it has none
   */
  public static PairMatrix of(int[] planIndices, List<SecureOverlayNodeStatus> reports) {
    int n = planIndices.length;
    if (reports.size() != n) {
      throw new IllegalArgumentException(
          "reports has " + reports.size() + " entries for " + n + " nodes");
    }
    Map<Integer, Integer> positionOfIndex = new HashMap<>();
    for (int p = 0; p < n; p++) {
      if (planIndices[p] >= 0) {
        positionOfIndex.put(planIndices[p], p);
      }
    }
    BitSet[] encryptingTo = new BitSet[n];
    BitSet[] enforcedBy = new BitSet[n];
    Map<Long, BitSet> inboundByEpoch = new HashMap<>();
    BitSet reported = new BitSet(n);
    for (int p = 0; p < n; p++) {
      encryptingTo[p] = new BitSet(n);
      enforcedBy[p] = new BitSet(n);
    }
    for (int p = 0; p < n; p++) {
      SecureOverlayNodeStatus report = reports.get(p);
      if (report == null) {
        continue;
      }
      reported.set(p);
      BitSet to = encryptingTo[p];
      if (report.getEncryptingTo() != null) {
        report.getEncryptingTo().stream().forEach(i -> setPosition(to, positionOfIndex, i));
      }
      if (report.getEnforcingFrom() != null) {
        int receiver = p;
        report.getEnforcingFrom().stream()
            .forEach(
                i -> {
                  Integer sender = positionOfIndex.get(i);
                  if (sender != null) {
                    enforcedBy[sender].set(receiver);
                  }
                });
      }
      if (report.getInboundEpochs() != null) {
        for (Long epoch : report.getInboundEpochs()) {
          inboundByEpoch.computeIfAbsent(epoch, e -> new BitSet(n)).set(p);
        }
      }
    }
    BitSet[] brokenTo = new BitSet[n];
    for (int a = 0; a < n; a++) {
      BitSet broken = (BitSet) enforcedBy[a].clone();
      broken.andNot(encryptingTo[a]);
      SecureOverlayNodeStatus report = reports.get(a);
      if (report != null && report.getOutboundEpoch() != null && !encryptingTo[a].isEmpty()) {
        BitSet espRefused = (BitSet) encryptingTo[a].clone();
        espRefused.and(reported);
        BitSet accepting = inboundByEpoch.get(report.getOutboundEpoch());
        if (accepting != null) {
          espRefused.andNot(accepting);
        }
        broken.or(espRefused);
      }
      broken.clear(a);
      brokenTo[a] = broken;
    }
    byte[] states = new byte[n * n];
    long[] tally = new long[PairState.values().length];
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        PairState state;
        if (brokenTo[a].get(b) || brokenTo[b].get(a)) {
          state = PairState.BROKEN;
        } else {
          boolean ab = encryptingTo[a].get(b);
          boolean ba = encryptingTo[b].get(a);
          state =
              ab && ba
                  ? PairState.ENCRYPTED_BOTH_WAYS
                  : ab || ba ? PairState.ONE_WAY : PairState.PLAINTEXT;
        }
        byte code = (byte) state.ordinal();
        states[a * n + b] = code;
        states[b * n + a] = code;
        tally[state.ordinal()]++;
      }
    }
    Map<PairState, Long> counts = new EnumMap<>(PairState.class);
    for (PairState state : PairState.values()) {
      counts.put(state, tally[state.ordinal()]);
    }
    return new PairMatrix(n, states, counts);
  }

  private static void setPosition(BitSet bits, Map<Integer, Integer> positionOfIndex, int index) {
    Integer position = positionOfIndex.get(index);
    if (position != null) {
      bits.set(position);
    }
  }

  public int size() {
    return size;
  }

  /** The state of the pair {a, b}; a and b must differ. */
  public PairState state(int a, int b) {
    if (a == b) {
      throw new IllegalArgumentException(
          "a node has no pair state with itself (position " + a + ")");
    }
    return PairState.values()[states[a * size + b]];
  }

  /** How many unordered pairs are in the state. */
  public long count(PairState state) {
    return counts.get(state);
  }

  /** Whether every pair has the same state in both (and both have the same size). */
  public boolean sameStatesAs(PairMatrix other) {
    return size == other.size && Arrays.equals(states, other.states);
  }

  /** n(n-1)/2. */
  public long pairs() {
    return (long) size * (size - 1) / 2;
  }
}
