package io.secureoverlay.master;

import io.secureoverlay.protocol.EpochStatus;
import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the agents' reports against the plan: what a node has applied, and whether it has
 * acknowledged what the plan now asks of it (docs/design/plan-protocol.md, section 3.1).
 */
final class AckView {

  private final Plan plan;
  private final Map<String, SecureOverlayNodeStatus> reports;

  AckView(Plan plan, Map<String, SecureOverlayNodeStatus> reports) {
    this.plan = plan;
    this.reports = reports;
  }

  SecureOverlayNodeStatus report(String name) {
    return reports.get(name);
  }

  /** The newest plan revision the node applied completely, or -1 without a report. */
  long observed(String name) {
    SecureOverlayNodeStatus r = reports.get(name);
    return r == null || r.getObservedPlanRevision() == null ? -1 : r.getObservedPlanRevision();
  }

  /**
   * Whether the report speaks for the row as it is now: it covers the revision that put the row in
   * its state, so a report left over from a node's previous life never counts.
   */
  boolean current(IndexedNode row) {
    return observed(row.name()) >= revisionOf(row);
  }

  static long revisionOf(IndexedNode row) {
    return row.revision() == null ? 0 : row.revision();
  }

  /** Whether the node applied the current ackRevision and its installed state matches the plan. */
  boolean acknowledged(IndexedNode row) {
    SecureOverlayNodeStatus r = reports.get(row.name());
    if (r == null || observed(row.name()) < plan.ackRevision() || !current(row)) {
      return false;
    }
    Set<Long> inbound =
        r.getInboundEpochs() == null ? Set.of() : new HashSet<>(r.getInboundEpochs());
    if (!inbound.equals(plan.epochs().keySet())) {
      return false;
    }
    if (!Objects.equals(r.getOutboundEpoch(), expectedOutbound(row))) {
      return false;
    }
    boolean enforce = Boolean.TRUE.equals(r.getEnforce());
    return enforce == plan.enforcing().contains(row.index());
  }

  /**
   * The newest epoch the plan makes this node send with toward any peer, as DesiredStateFactory
   * picks per peer: the outbound epoch toward peers ready for it, else the newest older epoch a
   * peer is ready for; {@code null} when it sends plaintext to all.
   */
  Long expectedOutbound(IndexedNode row) {
    Long out = plan.outbound();
    if (out == null || !row.effectiveState().mayEncrypt()) {
      return null;
    }
    List<EpochStatus> upToOut = List.copyOf(plan.epochs().headMap(out + 1).values());
    for (int i = upToOut.size() - 1; i >= 0; i--) {
      EpochStatus e = upToOut.get(i);
      int others = e.readyOrEmpty().size() - (e.readyOrEmpty().contains(row.index()) ? 1 : 0);
      if (others > 0) {
        return e.number();
      }
    }
    return null;
  }
}
