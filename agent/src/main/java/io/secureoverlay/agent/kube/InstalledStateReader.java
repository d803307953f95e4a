package io.secureoverlay.agent.kube;

import io.secureoverlay.agent.dataplane.Dataplane;
import io.secureoverlay.agent.dataplane.InstalledSaView;
import io.secureoverlay.agent.dataplane.OwnedReqids;
import io.secureoverlay.agent.dataplane.PolicyDirection;
import io.secureoverlay.agent.reconcile.NodeRef;
import io.secureoverlay.protocol.EpochCounters;
import io.secureoverlay.protocol.NodeSet;
import io.secureoverlay.spi.SpiAllocator;
import io.secureoverlay.spi.SpiOwner;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a node's data plane back into {@link InstalledState}: inbound SAs by (epoch slot, sender
 * index) from their SPI, outbound epochs from the out policies' reqids, peers by underlay address.
 * SAs of an epoch the plan no longer lists count toward no epoch.
 */
public final class InstalledStateReader {

  private final SpiAllocator spis = new SpiAllocator();

  /**
   * @param wantEnforcingFrom the peers this node's desired state enforces against, when known:
   *     {@code enforce} is reported only once all of them are enforced
   */
  public InstalledState read(
      Dataplane dataplane, PlanContext plan, Optional<NodeSet> wantEnforcingFrom) {
    if (plan.self().isEmpty()) {
      return InstalledState.NOTHING;
    }
    NodeRef self = plan.self().get();
    // The plan's own map, made once per plan for every agent: building one here on every pass
    // was a tenth of reading the data plane back at a thousand peers.
    Map<InetAddress, Integer> byAddress = plan.indexByUnderlay();
    int selfIndex = self.index();
    BitSet peers = new BitSet();
    for (NodeRef n : plan.listed()) {
      peers.set(n.index());
    }
    peers.clear(selfIndex);
    Map<Integer, Long> epochBySlot = plan.epochBySlot();
    // In an array for the policy loop below: a boxed lookup per out policy, a thousand a pass.
    long[] epochOfSlot = new long[SpiAllocator.LIVE_EPOCH_SLOTS];
    Arrays.fill(epochOfSlot, -1);
    epochBySlot.forEach((slot, epoch) -> epochOfSlot[slot] = epoch);
    SlotTally tally = new SlotTally(self, epochBySlot);
    // Views, not a dump: this runs after every pass over every installed SA, thousands at a
    // thousand peers, and a dump copies each into two new objects.
    dataplane.forEachSa(tally::add);
    BitSet[] inboundFrom = tally.inboundFrom;
    long[][] totals = tally.totals;
    boolean[] softExpiredSlot = tally.softExpired;

    List<Long> inboundEpochs = new ArrayList<>();
    for (long epoch : plan.view().inboundEpochs()) {
      BitSet from = inboundFrom[spis.slotOf(epoch)];
      BitSet missing = (BitSet) peers.clone();
      if (from != null) {
        missing.andNot(from);
      }
      if (missing.isEmpty()) {
        inboundEpochs.add(epoch);
      }
    }
    Map<Long, long[]> totalsByEpoch = new TreeMap<>();
    Set<Long> softExpired = new TreeSet<>();
    epochBySlot.forEach(
        (slot, epoch) -> {
          if (totals[slot] != null) {
            totalsByEpoch.put(epoch, totals[slot]);
          }
          if (softExpiredSlot[slot]) {
            softExpired.add(epoch);
          }
        });

    List<Integer> encryptingTo = new ArrayList<>();
    List<Integer> enforcingFrom = new ArrayList<>();
    // A one-element array: the visitor below cannot assign a local.
    long[] outboundEpoch = {-1};
    dataplane.forEachPolicy(
        p -> {
          if (p.direction() == PolicyDirection.OUT) {
            Integer peer = byAddress.get(p.selector().destination());
            if (peer != null && peer != selfIndex) {
              encryptingTo.add(peer);
            }
            int slot = OwnedReqids.epochSlotOf(p.template().reqid());
            long epoch = slot < epochOfSlot.length ? epochOfSlot[slot] : -1;
            if (epoch > outboundEpoch[0]) {
              outboundEpoch[0] = epoch;
            }
          } else if (p.direction() == PolicyDirection.IN) {
            Integer peer = byAddress.get(p.selector().source());
            if (peer != null && peer != selfIndex) {
              enforcingFrom.add(peer);
            }
          }
        });
    OptionalLong outbound =
        outboundEpoch[0] < 0 ? OptionalLong.empty() : OptionalLong.of(outboundEpoch[0]);
    NodeSet enforcing = NodeSet.of(enforcingFrom);
    boolean enforce =
        plan.selfEnforcing()
            && wantEnforcingFrom.map(enforcing::containsAll).orElse(!enforcing.isEmpty());

    List<EpochCounters> counters = new ArrayList<>();
    totalsByEpoch.forEach(
        (epoch, t) -> counters.add(new EpochCounters(epoch, t[0], t[1], t[2], t[3], t[4], t[5])));
    return new InstalledState(
        inboundEpochs,
        outbound,
        NodeSet.of(encryptingTo),
        enforcing,
        enforce,
        List.copyOf(softExpired),
        counters);
  }

  /**
   * Installed SAs tallied by SPI slot in arrays (a live epoch has a slot to itself), not in maps
   * keyed by boxed epochs. Slots are turned into epochs once, at the end.
   */
  private final class SlotTally {
    private final NodeRef self;
    private final boolean[] liveSlot = new boolean[SpiAllocator.LIVE_EPOCH_SLOTS];
    private final BitSet[] inboundFrom = new BitSet[SpiAllocator.LIVE_EPOCH_SLOTS];
    private final long[][] totals = new long[SpiAllocator.LIVE_EPOCH_SLOTS][];
    private final boolean[] softExpired = new boolean[SpiAllocator.LIVE_EPOCH_SLOTS];

    private SlotTally(NodeRef self, Map<Integer, Long> epochBySlot) {
      this.self = self;
      epochBySlot.keySet().forEach(slot -> liveSlot[slot] = true);
    }

    private void add(InstalledSaView sa) {
      // Objects.equals looks at identity first: inbound SAs carry self's very address object.
      boolean inbound = Objects.equals(sa.id().destination(), self.underlay());
      // An inbound SA of ours names its epoch slot and sender in its SPI, an outbound one its slot
      // in its reqid; anything else counts toward no epoch.
      SpiOwner sender = inbound && spis.isOurs(sa.id().spi()) ? spis.decode(sa.id().spi()) : null;
      int slot;
      if (inbound) {
        slot = sender == null ? -1 : sender.epochSlot();
      } else {
        slot = OwnedReqids.isOutbound(sa.reqid()) ? OwnedReqids.epochSlotOf(sa.reqid()) : -1;
      }
      if (slot < 0 || !liveSlot[slot]) {
        return;
      }
      if (sender != null) {
        if (inboundFrom[slot] == null) {
          inboundFrom[slot] = new BitSet();
        }
        inboundFrom[slot].set(sender.senderIndex());
      }
      if (totals[slot] == null) {
        totals[slot] = new long[6];
      }
      long[] t = totals[slot];
      if (inbound) {
        t[0] += sa.bytes();
        t[1] += sa.packets();
        t[4] += sa.integrityErrors();
        t[5] += sa.replayErrors();
      } else {
        t[2] += sa.bytes();
        t[3] += sa.packets();
      }
      if (sa.lifetimes().softExpired(sa.bytes(), sa.packets())) {
        softExpired[slot] = true;
      }
    }
  }
}
