package io.secureoverlay.agent.reconcile;

import io.secureoverlay.agent.dataplane.SaLifetimes;
import io.secureoverlay.crypto.EpochSecretGenerator;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.spi.SpiAllocator;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything one node's data plane should hold, whatever the source (static file or the master's
 * plan): self, the ESP parameters, the live epoch secrets and, per peer, which epochs come in,
 * which epoch goes out and whether plaintext is refused. Validated on construction so a bad input
 * is refused before anything is changed. Owns the epoch secrets: {@link #close()} zeroes them.
 */
public record NodeDesiredState(
    NodeRef self,
    Cipher cipher,
    IcvLength icv,
    SaLifetimes lifetimes,
    SortedMap<Long, SecretBytes> epochSecrets,
    List<PeerPlan> peers)
    implements AutoCloseable {

  /**
   * ESP without extended sequence numbers has a 32-bit counter; the kernel refuses to wrap it. The
   * hard limit stops short of 2^32 packets, the soft one leaves time to rotate.
   */
  public static final SaLifetimes DEFAULT_LIFETIMES =
      new SaLifetimes(SaLifetimes.UNLIMITED, SaLifetimes.UNLIMITED, 3_000_000_000L, 4_000_000_000L);

  public NodeDesiredState {
    Objects.requireNonNull(self, "self");
    Objects.requireNonNull(cipher, "cipher");
    Objects.requireNonNull(icv, "icv");
    Objects.requireNonNull(lifetimes, "lifetimes");
    epochSecrets = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(epochSecrets));
    peers = List.copyOf(peers);
    validate(self, epochSecrets, peers);
  }

  public PeerPlan peer(String name) {
    return peers.stream()
        .filter(p -> p.peer().name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no peer named " + name));
  }

  /** Zeroes the epoch secrets. */
  @Override
  public void close() {
    epochSecrets.values().forEach(SecretBytes::close);
  }

  private static void validate(NodeRef self, Map<Long, SecretBytes> secrets, List<PeerPlan> peers) {
    Map<Integer, Long> slots = new HashMap<>();
    for (Map.Entry<Long, SecretBytes> e : secrets.entrySet()) {
      long epoch = e.getKey();
      if (epoch < 0) {
        throw new IllegalArgumentException("epoch " + epoch + " is negative");
      }
      if (e.getValue().length() != EpochSecretGenerator.EPOCH_SECRET_BYTES) {
        throw new IllegalArgumentException(
            "epoch "
                + epoch
                + ": secret is "
                + e.getValue().length()
                + " bytes, expected "
                + EpochSecretGenerator.EPOCH_SECRET_BYTES);
      }
      Long clash = slots.put((int) (epoch % SpiAllocator.LIVE_EPOCH_SLOTS), epoch);
      if (clash != null) {
        throw new IllegalArgumentException(
            "epochs "
                + clash
                + " and "
                + epoch
                + " share an SPI slot: at most "
                + SpiAllocator.LIVE_EPOCH_SLOTS
                + " consecutive epochs may be live");
      }
    }
    // A bit set, not a set of boxed indices: this runs on every pass, once per peer.
    BitSet indices = new BitSet();
    indices.set(self.index());
    // Tables of positions, not hash sets: two thousand entry objects a pass on a thousand-peer
    // node.
    RepeatFinder addresses = new RepeatFinder(peers.size() + 1);
    addresses.add(self.underlay());
    RepeatFinder names = new RepeatFinder(peers.size() + 1);
    names.add(self.name());
    for (PeerPlan p : peers) {
      NodeRef n = p.peer();
      if (indices.get(n.index())) {
        throw new IllegalArgumentException("peer " + n.name() + ": index " + n.index() + " taken");
      }
      indices.set(n.index());
      if (!addresses.add(n.underlay())) {
        throw new IllegalArgumentException(
            "peer " + n.name() + ": underlay " + n.underlay().getHostAddress() + " taken");
      }
      if (!names.add(n.name())) {
        throw new IllegalArgumentException("peer name " + n.name() + " appears twice");
      }
      for (long epoch : p.inboundEpochs()) {
        requireSecret(secrets, epoch, n, "inbound");
      }
      if (p.outboundEpoch().isPresent()) {
        requireSecret(secrets, p.outboundEpoch().getAsLong(), n, "outbound");
      }
    }
  }

  /**
   * Tells whether a key was added before, keeping only the keys' hashes and references in arrays
   * (open addressing): the set of what was added, without an object per key.
   */
  private static final class RepeatFinder {
    private final Object[] keys;
    private final int[] hashes;
    private final int mask;

    RepeatFinder(int expected) {
      int size = Integer.highestOneBit(Math.max(2, expected) * 2 - 1) << 1;
      keys = new Object[size];
      hashes = new int[size];
      mask = size - 1;
    }

    /** Adds {@code key} (not null); false if an equal key was added before. */
    boolean add(Object key) {
      int hash = key.hashCode();
      int i = (hash ^ (hash >>> 16)) & mask;
      while (keys[i] != null) {
        if (hashes[i] == hash && keys[i].equals(key)) {
          return false;
        }
        i = (i + 1) & mask;
      }
      hashes[i] = hash;
      keys[i] = key;
      return true;
    }
  }

  private static void requireSecret(
      Map<Long, SecretBytes> secrets, long epoch, NodeRef peer, String direction) {
    if (!secrets.containsKey(epoch)) {
      throw new IllegalArgumentException(
          "peer " + peer.name() + ": " + direction + " epoch " + epoch + " has no secret");
    }
  }
}
