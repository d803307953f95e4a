package io.secureoverlay.master;

import io.secureoverlay.protocol.EpochStatus;
import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.MemberState;
import io.secureoverlay.protocol.NodeSet;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.protocol.TransitionKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grows the plan's sets from the agents' reports (docs/design/plan-protocol.md, section 3.1) and
 * keeps the enforcing set to the nodes it is safe for. Set growth is published but asks no new
 * acknowledgement: agents act on it without having to write.
 */
final class MembershipStep {

  private MembershipStep() {}

  /** inboundReady and encrypting, from reports that speak for the row as it is now. */
  static void recordReports(PlanContext ctx) {
    Map<Long, List<Integer>> ready = new HashMap<>();
    Map<Long, List<Integer>> sending = new HashMap<>();
    boolean disabling = isDisabling(ctx);
    for (IndexedNode row : ctx.plan.listedRows()) {
      SecureOverlayNodeStatus report = ctx.acks.report(row.name());
      if (report == null || !ctx.acks.current(row)) {
        continue;
      }
      MemberState state = row.effectiveState();
      if (state != MemberState.DEPARTING && report.getInboundEpochs() != null) {
        for (Long e : report.getInboundEpochs()) {
          if (e != null && ctx.plan.epochs().containsKey(e)) {
            ready.computeIfAbsent(e, k -> new ArrayList<>()).add(row.index());
          }
        }
      }
      Long out = report.getOutboundEpoch();
      if (!disabling
          && state == MemberState.MEMBER
          && out != null
          && ctx.plan.epochs().containsKey(out)) {
        sending.computeIfAbsent(out, k -> new ArrayList<>()).add(row.index());
      }
    }
    for (Map.Entry<Long, List<Integer>> e : ready.entrySet()) {
      NodeSet add = NodeSet.of(e.getValue());
      ctx.plan.updateEpoch(e.getKey(), s -> s.withInboundReady(s.readyOrEmpty().union(add)));
    }
    if (!sending.isEmpty()) {
      moveSenders(ctx, sending);
    }
  }

  /** A sender is in exactly one epoch's encrypting set: the one it reports sending with. */
  private static void moveSenders(PlanContext ctx, Map<Long, List<Integer>> sending) {
    NodeSet moved = NodeSet.empty();
    for (List<Integer> indices : sending.values()) {
      moved = moved.union(NodeSet.of(indices));
    }
    for (EpochStatus epoch : List.copyOf(ctx.plan.epochs().values())) {
      List<Integer> here = sending.get(epoch.number());
      NodeSet next = epoch.encryptingOrEmpty().minus(moved);
      if (here != null) {
        next = next.union(NodeSet.of(here));
      }
      NodeSet result = next;
      ctx.plan.updateEpoch(epoch.number(), s -> s.withEncrypting(result));
    }
  }

  /**
   * Enforcement is on for a node once every sender encrypts toward it: it is a member that sends,
   * is ready for an epoch no newer than the outbound one, and every live node applied the revision
   * that made it a member. Off for everyone at once when spec.enforce is off.
   */
  static void maintainEnforcing(PlanContext ctx) {
    if (!ctx.enforce() || !enforcementAllowed(ctx)) {
      if (!isDisabling(ctx)) {
        ctx.plan.setEnforcing(NodeSet.empty());
      }
      return;
    }
    NodeSet senders = ctx.plan.encryptingUnion();
    long applied = ctx.minApplied();
    List<Integer> keep = new ArrayList<>();
    for (IndexedNode row : ctx.plan.listedRows()) {
      int i = row.index();
      if (row.effectiveState() != MemberState.MEMBER || ctx.excluded(row)) {
        continue;
      }
      boolean already = ctx.plan.enforcing().contains(i);
      if (already
          || (senders.contains(i) && readyForOutbound(ctx, i) && applied >= revisionOf(row))) {
        keep.add(i);
      }
    }
    ctx.plan.setEnforcing(NodeSet.of(keep));
  }

  private static long revisionOf(IndexedNode row) {
    return AckView.revisionOf(row);
  }

  private static boolean readyForOutbound(PlanContext ctx, int index) {
    Long out = ctx.plan.outbound();
    return out != null
        && ctx.plan.epochs().headMap(out + 1).values().stream()
            .anyMatch(e -> e.readyOrEmpty().contains(index));
  }

  /** Enabled and idle, rotating, or at the Enforce step of enabling. */
  static boolean enforcementAllowed(PlanContext ctx) {
    var t = ctx.plan.transition();
    if (t == null) {
      return ctx.plan.outbound() != null;
    }
    return t.kind() == TransitionKind.ROTATE
        || (t.kind() == TransitionKind.ENABLE && EnforceStep.NAME.equals(t.step()));
  }

  private static boolean isDisabling(PlanContext ctx) {
    var t = ctx.plan.transition();
    return t != null && t.kind() == TransitionKind.DISABLE;
  }
}
