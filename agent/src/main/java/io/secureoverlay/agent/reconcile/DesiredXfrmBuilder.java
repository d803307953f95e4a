package io.secureoverlay.agent.reconcile;

import io.secureoverlay.agent.dataplane.IpsecMode;
import io.secureoverlay.agent.dataplane.IpsecProtocol;
import io.secureoverlay.agent.dataplane.OwnedReqids;
import io.secureoverlay.agent.dataplane.Policy;
import io.secureoverlay.agent.dataplane.PolicyDirection;
import io.secureoverlay.agent.dataplane.PolicyId;
import io.secureoverlay.agent.dataplane.PolicyTemplate;
import io.secureoverlay.agent.dataplane.SaId;
import io.secureoverlay.agent.dataplane.TrafficSelector;
import io.secureoverlay.crypto.EpochPairKeys;
import io.secureoverlay.crypto.PairKeyDeriver;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.spi.SpiAllocator;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Maps a {@link NodeDesiredState} to XFRM objects. Per peer P and epoch k:
 *
 * <ul>
 *   <li>inbound SA: dst self, SPI from (k, P's index), src P, reqid {@link OwnedReqids#INBOUND},
 *       key for (k, P, self);
 *   <li>outbound SA, for the outbound epoch only: dst P, SPI from (k, self's index), src self,
 *       reqid {@link OwnedReqids#outbound(int)} of k's slot, key for (k, self, P);
 *   <li>out policy {@code self/32 -> P/32 proto 4} whose template carries that reqid, so switching
 *       epochs is one policy update;
 *   <li>with enforcement, in policy {@code P/32 -> self/32 proto 4} requiring ESP with the inbound
 *       reqid, which accepts every live epoch.
 * </ul>
 *
 * Keys come from {@link PairKeyDeriver}, SPIs from {@link SpiAllocator}: nothing else here knows
 * either scheme.
 */
public final class DesiredXfrmBuilder {

  /**
   * Policy priority of SecureOverlay's policies: lower wins. Host-to-host IPIP selectors are the
   * most specific there are, so a fixed, fairly strong value suffices.
   */
  public static final int POLICY_PRIORITY = 1000;

  /** Legacy (non-ESN) anti-replay bitmap size: the kernel caps it at 32 packets. */
  public static final int REPLAY_WINDOW = 32;

  private final PairKeyDeriver keys;
  private final SpiAllocator spis;

  /**
   * The desired SAs of the last build (the map that build handed out, read only), and the
   * fingerprints of the epoch secrets it used. An SA whose key would come from the same epoch
   * secret, addresses and cipher is taken over as it is: a pass that changes nothing derives no key
   * and builds no object, and the reconciler sees the very object it applied last pass. Nothing
   * else is kept per SA: at a thousand peers every object remembered per SA is promoted and copied
   * by the collector. Fingerprints are safe to keep; keys are not kept.
   */
  private Map<SaId, DesiredSa> lastSas = Map.of();

  /**
   * The table behind {@link #lastSas}: SAs are looked up in it by position, so a build knows which
   * of the last build's SAs it carried over and lists the others for removal without looking each
   * of the last build's ids up in the new map.
   */
  private AppendOnlyMap<SaId, DesiredSa> lastSaTable = new AppendOnlyMap<>(0);

  /**
   * Where each SA of the last build sits in {@link #lastSaTable}, by direction, epoch slot and peer
   * index: most SAs are found there, without hashing an id and probing the table for it (the
   * largest single cost of a pass that changes little). A hint only: the SA found there counts only
   * if its id is the one wanted, else the id is looked up; so a build reads each entry and then
   * overwrites it, and entries no build overwrote (a peer gone, an epoch retired) may stay.
   */
  private final SaPositions positions = new SaPositions();

  private Map<Long, String> lastSecretFingerprints = Map.of();

  /** The policies of the last build, taken over when unchanged, for the same reason. */
  private Map<PolicyId, Policy> lastPolicies = Map.of();

  /**
   * The same policies by peer index, out and in: most passes find last pass's policy for a peer in
   * an array and compare the four things that vary (the two addresses, direction and reqid),
   * without building a policy and its id to hash and look up, twice per peer. An index that now
   * belongs to another node fails the address comparison.
   */
  private PoliciesByIndex lastOutByPeer = new PoliciesByIndex(0);

  private PoliciesByIndex lastInByPeer = new PoliciesByIndex(0);

  /** Policies by node index, in an array that grows to the largest index put. */
  private static final class PoliciesByIndex {
    private Policy[] byIndex;
    private int size;

    PoliciesByIndex(int capacity) {
      byIndex = new Policy[capacity];
    }

    Policy get(int index) {
      return index < byIndex.length ? byIndex[index] : null;
    }

    void put(int index, Policy policy) {
      if (index >= byIndex.length) {
        byIndex = Arrays.copyOf(byIndex, Math.max(index + 1, byIndex.length * 2));
      }
      size += byIndex[index] == null ? 1 : 0;
      byIndex[index] = policy;
    }

    int capacity() {
      return byIndex.length;
    }

    /**
     * {@code last} when this holds the same policies: {@code kept} of them are the very objects
     * {@code last} holds at the same index, and if that is all of them and the sizes match, both
     * hold nothing else.
     */
    PoliciesByIndex lastIfSame(PoliciesByIndex last, int kept) {
      return kept == size && size == last.size ? last : this;
    }
  }

  /**
   * Positions + 1 in an SA table by direction, epoch slot and peer index, 0 where there is none; in
   * arrays by peer index, grown to the largest index put.
   */
  private static final class SaPositions {
    private final int[][] bySlot = new int[2 * SpiAllocator.LIVE_EPOCH_SLOTS][];

    private static int row(boolean inbound, int slot) {
      return (inbound ? 0 : SpiAllocator.LIVE_EPOCH_SLOTS) + slot;
    }

    /** The position, or -1. */
    int get(boolean inbound, int slot, int index) {
      int[] positions = bySlot[row(inbound, slot)];
      return positions == null || index >= positions.length ? -1 : positions[index] - 1;
    }

    void put(boolean inbound, int slot, int index, int position) {
      int row = row(inbound, slot);
      int[] positions = bySlot[row];
      if (positions == null || index >= positions.length) {
        int length = Math.max(index + 1, positions == null ? 0 : positions.length * 2);
        positions = positions == null ? new int[length] : Arrays.copyOf(positions, length);
        bySlot[row] = positions;
      }
      positions[index] = position + 1;
    }
  }

  /**
   * Per live epoch, the PRK extracted from its secret (so a pair key is one HKDF-Expand) and the
   * fingerprint of the secret it came from, so a changed secret gets a fresh extract. Dropped and
   * zeroed as soon as a pass no longer carries the epoch.
   */
  private final Map<Long, CachedEpoch> epochKeys = new HashMap<>();

  private record CachedEpoch(String secretFingerprint, EpochPairKeys keys) {}

  public DesiredXfrmBuilder(PairKeyDeriver keys, SpiAllocator spis) {
    this.keys = keys;
    this.spis = spis;
  }

  /**
   * The desired objects. Key material is derived lazily by {@link DesiredXfrm#spec} from {@code
   * state}'s secrets, so {@code state} must stay open while the result is used.
   */
  public synchronized DesiredXfrm build(NodeDesiredState state) {
    int peers = state.peers().size();
    int saCount = peers * (state.epochSecrets().size() + 1);
    // Kept until the next pass on every node: maps without an object per mapping, so the collector
    // copies a few arrays per map instead of thousands of entries.
    AppendOnlyMap<SaId, DesiredSa> sas = new AppendOnlyMap<>(saCount);
    Map<PolicyId, Policy> policies = new AppendOnlyMap<>(2 * peers);
    Map<PolicyId, Set<SaId>> required = new AppendOnlyMap<>(2 * peers);
    // Sized for a key per peer (a phase that adds an epoch derives one for each): grown a dozen
    // times from the default size, this map's tables were most of what a pass spent resizing.
    Map<SaId, SecretBytes> derived = new HashMap<>(capacityFor(peers));
    Map<Long, String> secretFingerprints = new HashMap<>();
    state.epochSecrets().forEach((e, s) -> secretFingerprints.put(e, s.fingerprint()));
    refreshEpochKeys(state, secretFingerprints);
    // Epochs whose secret is the one the last build used: their SAs may be taken over.
    Set<Long> sameSecret = new HashSet<>();
    secretFingerprints.forEach(
        (epoch, fingerprint) -> {
          if (fingerprint.equals(lastSecretFingerprints.get(epoch))) {
            sameSecret.add(epoch);
          }
        });
    List<DesiredXfrm.NewSa> newSas = new ArrayList<>();
    // Positions in lastSaTable of the SAs this build holds too.
    BitSet carried = new BitSet(lastSaTable.size());
    List<PolicyId> newPolicies = new ArrayList<>();
    int indices = Math.max(peers + 1, lastOutByPeer.capacity());
    PoliciesByIndex outByPeer = new PoliciesByIndex(indices);
    PoliciesByIndex inByPeer = new PoliciesByIndex(indices);
    NodeRef self = state.self();
    int keptOutByPeer = 0;
    int keptInByPeer = 0;
    for (PeerPlan plan : state.peers()) {
      NodeRef peer = plan.peer();
      // Last pass's policies for this peer, when they are still between the same addresses.
      Policy lastOut =
          withAddresses(lastOutByPeer.get(peer.index()), self.underlay(), peer.underlay());
      Policy lastIn =
          withAddresses(lastInByPeer.get(peer.index()), peer.underlay(), self.underlay());
      // One selector object per peer and direction, shared by its SAs and its policy; from last
      // pass's policy when it has it, else from the first SA that has or makes one.
      TrafficSelector fromPeer = lastIn == null ? null : lastIn.selector();
      TrafficSelector toPeer = lastOut == null ? null : lastOut.selector();
      // What the in policy requires, only when there is one: most passes enforce nothing.
      List<SaId> inbound = plan.enforce() ? new ArrayList<>(2) : null;
      for (long epoch : plan.inboundEpochs()) {
        int slot = spis.slotOf(epoch);
        DesiredSa sa =
            sa(
                state,
                epoch,
                peer,
                self,
                fromPeer,
                spis.spiFor(epoch, peer.index()),
                OwnedReqids.INBOUND,
                positions.get(true, slot, peer.index()),
                sameSecret,
                derived,
                carried,
                newSas);
        fromPeer = sa.selector();
        positions.put(true, slot, peer.index(), sas.size());
        sas.put(sa.id(), sa);
        if (inbound != null) {
          inbound.add(sa.id());
        }
      }
      if (plan.outboundEpoch().isPresent()) {
        long epoch = plan.outboundEpoch().getAsLong();
        int slot = spis.slotOf(epoch);
        int reqid = OwnedReqids.outbound(slot);
        DesiredSa sa =
            sa(
                state,
                epoch,
                self,
                peer,
                toPeer,
                spis.spiFor(epoch, self.index()),
                reqid,
                positions.get(false, slot, peer.index()),
                sameSecret,
                derived,
                carried,
                newSas);
        positions.put(false, slot, peer.index(), sas.size());
        sas.put(sa.id(), sa);
        Policy out =
            policy(
                lastOut,
                sa.selector(),
                self.underlay(),
                peer.underlay(),
                PolicyDirection.OUT,
                reqid,
                newPolicies);
        outByPeer.put(peer.index(), out);
        keptOutByPeer += out == lastOut ? 1 : 0;
        policies.put(out.id(), out);
        required.put(out.id(), Set.of(sa.id()));
      }
      if (plan.enforce()) {
        Policy in =
            policy(
                lastIn,
                fromPeer,
                peer.underlay(),
                self.underlay(),
                PolicyDirection.IN,
                OwnedReqids.INBOUND,
                newPolicies);
        inByPeer.put(peer.index(), in);
        keptInByPeer += in == lastIn ? 1 : 0;
        policies.put(in.id(), in);
        required.put(in.id(), immutableSet(inbound));
      }
    }
    // A map whose every entry was taken over holds what the last build's did: hand that one out
    // again, so the new copy dies young instead of being kept, promoted and copied by the collector
    // until the next pass (most passes change SAs or policies, not both).
    Map<SaId, DesiredSa> keptSas = lastIfSame(lastSas, sas, sas.size() - newSas.size());
    Map<PolicyId, Policy> keptPolicies =
        lastIfSame(lastPolicies, policies, policies.size() - newPolicies.size());
    DesiredXfrm.SinceLastBuild since =
        new DesiredXfrm.SinceLastBuild(
            lastSas, lastPolicies, newSas, newPolicies, notCarried(carried));
    if (keptSas != lastSas) {
      lastSaTable = sas;
    }
    // The positions just noted are in this build's table; when the last one stays instead, it
    // holds the same SAs in the same places unless the peers moved (then the hints fail the check).
    DesiredXfrm built =
        DesiredXfrm.owning(
            keptSas, keptPolicies, required, sa -> derive(state, sa), derived, since);
    // The very maps the result hands out, so a baseline made from it is recognisably this build.
    lastSas = built.sas();
    lastPolicies = built.policies();
    lastOutByPeer = outByPeer.lastIfSame(lastOutByPeer, keptOutByPeer);
    lastInByPeer = inByPeer.lastIfSame(lastInByPeer, keptInByPeer);
    lastSecretFingerprints = secretFingerprints;
    return built;
  }

  /**
   * The policy for {@code src -> dst} in {@code direction} with {@code reqid}: {@code lastForPeer}
   * (last build's policy for this peer and direction, already known to be {@code src -> dst}, or
   * null) when it is that policy, else a copy of it with the new reqid, else the last build's equal
   * policy found by id, else a new one. Every policy this builder makes has the priority, protocol,
   * mode and prefixes of {@link #policy(TrafficSelector, InetAddress, InetAddress, PolicyDirection,
   * int)}, so only these four need comparing. A new policy takes {@code selector} (the peer's SAs'
   * in that direction) when there is one.
   */
  private Policy policy(
      Policy lastForPeer,
      TrafficSelector selector,
      InetAddress src,
      InetAddress dst,
      PolicyDirection direction,
      int reqid,
      List<PolicyId> newPolicies) {
    if (lastForPeer != null && lastForPeer.direction() == direction) {
      if (lastForPeer.template().reqid() == reqid) {
        return lastForPeer;
      }
      // Only the reqid moved (an epoch switch): the id is last pass's, and so is the data plane's
      // key for this policy, so the new policy shares it instead of holding an equal copy.
      newPolicies.add(lastForPeer.id());
      return new Policy(
          lastForPeer.id(), POLICY_PRIORITY, PolicyTemplate.espTransport(src, dst, reqid));
    }
    return unchanged(policy(selector, src, dst, direction, reqid), newPolicies);
  }

  /**
   * {@code last} if its selector is {@code src -> dst}, else null. Every selector this builder
   * makes is {@link TrafficSelector#ipip}, so the addresses are all that can differ.
   */
  private static Policy withAddresses(Policy last, InetAddress src, InetAddress dst) {
    return last != null
            // Objects.equals looks at identity first; the plan cache keeps rows' address objects.
            && Objects.equals(last.selector().source(), src)
            && Objects.equals(last.selector().destination(), dst)
        ? last
        : null;
  }

  /** The last build's equal policy if there is one, so only changed policies are new objects. */
  private Policy unchanged(Policy fresh, List<PolicyId> newPolicies) {
    Policy last = lastPolicies.get(fresh.id());
    if (fresh.equals(last)) {
      return last;
    }
    newPolicies.add(fresh.id());
    return fresh;
  }

  /**
   * {@code last} when {@code built} holds the same entries: {@code kept} of its values are the very
   * objects {@code last} holds under the same keys, and if that is all of them and the sizes match,
   * the key sets are equal too.
   */
  private static <K, V> Map<K, V> lastIfSame(Map<K, V> last, Map<K, V> built, int kept) {
    return kept == built.size() && built.size() == last.size() ? last : built;
  }

  /**
   * {@code ids} (distinct: SPIs differ by epoch) as an immutable set. One or two ids are every case
   * but a node with three live epochs; {@link Set#copyOf} would put them into a HashSet first, a
   * thousand times a pass.
   */
  private static Set<SaId> immutableSet(List<SaId> ids) {
    return switch (ids.size()) {
      case 0 -> Set.of();
      case 1 -> Set.of(ids.get(0));
      case 2 -> Set.of(ids.get(0), ids.get(1));
      default -> Set.copyOf(ids);
    };
  }

  /** The ids of the last build's SAs at positions not in {@code carried}, in its order. */
  private List<SaId> notCarried(BitSet carried) {
    int size = lastSaTable.size();
    int dropped = size - carried.cardinality();
    if (dropped == 0) {
      return List.of();
    }
    List<SaId> ids = new ArrayList<>(dropped);
    for (int at = carried.nextClearBit(0); at < size; at = carried.nextClearBit(at + 1)) {
      ids.add(lastSaTable.keyAt(at));
    }
    return ids;
  }

  /** A HashMap capacity that holds {@code entries} without resizing. */
  static int capacityFor(int entries) {
    return (int) Math.min(1 << 30, entries * 4L / 3 + 1);
  }

  private DesiredSa sa(
      NodeDesiredState state,
      long epoch,
      NodeRef from,
      NodeRef to,
      TrafficSelector selector,
      int spi,
      int reqid,
      int hint,
      Set<Long> sameSecret,
      Map<SaId, SecretBytes> derived,
      BitSet carried,
      List<DesiredXfrm.NewSa> newSas) {
    // Where the last build put this peer's SA of this direction and slot, if it is this id; else
    // looked up by id.
    int at =
        hint >= 0 && hint < lastSaTable.size() && isEsp(lastSaTable.keyAt(hint), to, spi)
            ? hint
            : -1;
    SaId id;
    if (at >= 0) {
      id = lastSaTable.keyAt(at);
    } else {
      id = SaId.esp(to.underlay(), spi);
      at = lastSaTable.positionOf(id);
    }
    DesiredSa last = null;
    if (at >= 0) {
      last = lastSaTable.valueAt(at);
      carried.set(at);
    }
    if (last != null
        && last.epoch() == epoch
        && last.cipher() == state.cipher()
        // Objects.equals looks at identity first; the plan cache shares address objects.
        && Objects.equals(last.source(), from.underlay())
        && sameSecret.contains(epoch)) {
      // The same key as last pass: its fingerprint is known, nothing to derive.
      if (last.reqid() == reqid
          && last.icv() == state.icv()
          && Objects.equals(last.lifetimes(), state.lifetimes())) {
        return last;
      }
      DesiredSa made =
          desiredSa(state, id, epoch, from, to, last.selector(), reqid, last.keyFingerprint());
      newSas.add(new DesiredXfrm.NewSa(made, last));
      return made;
    }
    // Not wanted last pass: most likely about to be installed, so keep the key for that.
    SecretBytes key = derive(state, epoch, from.underlay(), to.underlay());
    derived.put(id, key);
    DesiredSa made = desiredSa(state, id, epoch, from, to, selector, reqid, key.fingerprintBits());
    newSas.add(new DesiredXfrm.NewSa(made, last));
    return made;
  }

  /** Whether {@code id} is the ESP SA {@code spi} toward {@code to}. */
  private static boolean isEsp(SaId id, NodeRef to, int spi) {
    return id.spi() == spi
        && id.protocol() == IpsecProtocol.ESP
        && Objects.equals(id.destination(), to.underlay());
  }

  /** With {@code selector} when given (it is then {@code from -> to}), else a new one. */
  private static DesiredSa desiredSa(
      NodeDesiredState state,
      SaId id,
      long epoch,
      NodeRef from,
      NodeRef to,
      TrafficSelector selector,
      int reqid,
      long keyFingerprint) {
    return new DesiredSa(
        id,
        from.underlay(),
        selector != null ? selector : TrafficSelector.ipip(from.underlay(), to.underlay()),
        IpsecMode.TRANSPORT,
        reqid,
        state.cipher(),
        state.icv(),
        REPLAY_WINDOW,
        state.lifetimes(),
        epoch,
        keyFingerprint);
  }

  /** Zeroes the cached PRKs; the next build extracts again. For an agent that stops. */
  public synchronized void dropKeys() {
    epochKeys.values().forEach(c -> c.keys().close());
    epochKeys.clear();
  }

  private void refreshEpochKeys(NodeDesiredState state, Map<Long, String> secretFingerprints) {
    epochKeys
        .entrySet()
        .removeIf(
            e -> {
              boolean stale =
                  !e.getValue().secretFingerprint().equals(secretFingerprints.get(e.getKey()));
              if (stale) {
                e.getValue().keys().close();
              }
              return stale;
            });
    state
        .epochSecrets()
        .forEach(
            (epoch, secret) ->
                epochKeys.computeIfAbsent(
                    epoch,
                    e -> new CachedEpoch(secretFingerprints.get(e), keys.forEpoch(secret, e))));
  }

  private SecretBytes derive(NodeDesiredState state, DesiredSa sa) {
    return derive(state, sa.epoch(), sa.source(), sa.id().destination());
  }

  private synchronized SecretBytes derive(
      NodeDesiredState state, long epoch, InetAddress src, InetAddress dst) {
    CachedEpoch cached = epochKeys.get(epoch);
    if (cached == null || cached.keys().isClosed()) {
      // A later build dropped this epoch while an older result was still in use: derive directly.
      return keys.derive(state.epochSecrets().get(epoch), epoch, src, dst, state.cipher());
    }
    return cached.keys().derive(src, dst, state.cipher());
  }

  private static Policy policy(
      TrafficSelector selector,
      InetAddress src,
      InetAddress dst,
      PolicyDirection direction,
      int reqid) {
    return new Policy(
        new PolicyId(selector != null ? selector : TrafficSelector.ipip(src, dst), direction),
        POLICY_PRIORITY,
        PolicyTemplate.espTransport(src, dst, reqid));
  }
}
