package io.secureoverlay.agent.kube;

import io.secureoverlay.protocol.EpochStatus;
import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.MemberState;
import io.secureoverlay.protocol.NodeSet;
import io.secureoverlay.protocol.SecureOverlayStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The parts of a plan any node's desired state is made of (plan-protocol.md, section 2.2), without
 * the master's bookkeeping (row revisions, behindSince, conditions...). Comparing two digests for
 * one node tells, at the cost of a few bitmap comparisons, whether a new plan revision can change
 * that node's data plane at all: most revisions during a transition only grow a set some other node
 * depends on, and a thousand agents recomputing a thousand peers for each of them would cost more
 * than the whole transition.
 */
record PlanDigest(
    long planRevision,
    List<Row> rows,
    int rowsHash,
    List<Long> epochs,
    Long outboundEpoch,
    Map<Long, NodeSet> inboundReady,
    NodeSet encrypting,
    NodeSet enforcing) {

  /** One listed row as agents act on it. */
  record Row(String name, int index, String underlayIp, MemberState state) {}

  static PlanDigest of(SecureOverlayStatus status) {
    List<Row> rows = new ArrayList<>();
    if (status.getNodes() != null) {
      for (IndexedNode r : status.getNodes()) {
        rows.add(new Row(r.name(), r.index(), r.underlayIp(), r.effectiveState()));
      }
    }
    List<Long> epochs = new ArrayList<>();
    Map<Long, NodeSet> ready = new TreeMap<>();
    NodeSet encrypting = NodeSet.empty();
    if (status.getEpochs() != null) {
      for (EpochStatus e : status.getEpochs()) {
        epochs.add(e.number());
        ready.put(e.number(), e.readyOrEmpty());
        encrypting = encrypting.union(e.encryptingOrEmpty());
      }
    }
    return new PlanDigest(
        status.getPlanRevision() == null ? -1 : status.getPlanRevision(),
        List.copyOf(rows),
        rows.hashCode(),
        List.copyOf(epochs),
        status.getOutboundEpoch(),
        Map.copyOf(ready),
        encrypting,
        status.getEnforcing() == null ? NodeSet.empty() : status.getEnforcing());
  }

  /**
   * Whether node {@code self}'s desired state is necessarily the same under {@code next} as under
   * this digest. False whenever in doubt.
   */
  boolean sameDesiredStateFor(PlanDigest next, String self) {
    if (rowsHash != next.rowsHash
        || !Objects.equals(epochs, next.epochs)
        || !Objects.equals(outboundEpoch, next.outboundEpoch)
        || !rows.equals(next.rows)) {
      return false;
    }
    Row row = rows.stream().filter(r -> r.name().equals(self)).findFirst().orElse(null);
    if (row == null || !row.state().isListed()) {
      return true;
    }
    boolean enforcingBefore = enforcing.contains(row.index());
    if (enforcingBefore != next.enforcing.contains(row.index())) {
      return false;
    }
    // Which epoch goes toward which peer, and whether peers (and we) count as ready, come from
    // the inbound-ready sets of the epochs up to the outbound one; who may be refused plaintext
    // from the encrypting union.
    boolean readyMatters = outboundEpoch != null;
    if (readyMatters) {
      for (long e : epochs) {
        if (e <= outboundEpoch && !inboundReady.get(e).equals(next.inboundReady.get(e))) {
          return false;
        }
      }
    }
    return !enforcingBefore || encrypting.equals(next.encrypting);
  }
}
