package io.secureoverlay.master;

import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.MemberState;

/**
 * Lagging, exclusion and catching up (docs/design/plan-protocol.md, section 6). A node that stays
 * behind too long stops holding the cluster back; a member that is excluded goes back to joining,
 * so when it returns it is admitted again like a new node.
 */
final class HealthStep {

  private HealthStep() {}

  /**
   * Clears the clock of every node that acknowledged the plan as the round found it, before the
   * round changes anything: a node that caught up and is asked for more in the same round starts a
   * new clock rather than keep its old one.
   */
  static void clearCaughtUp(PlanContext ctx) {
    for (IndexedNode row : ctx.plan.rows()) {
      if (row.behindSince() != null && ctx.acks.acknowledged(row)) {
        ctx.plan.setBehindSince(row.name(), null);
      }
    }
  }

  /** Members excluded since the last round go back to Joining; nobody relies on their ESP. */
  static void demoteExcluded(PlanContext ctx) {
    for (IndexedNode row : ctx.plan.rows()) {
      if (row.effectiveState() == MemberState.MEMBER
          && ctx.facts.containsKey(row.name())
          && ctx.excluded(row)) {
        ctx.plan.setState(row.name(), MemberState.JOINING);
        ctx.plan.stopRelyingOn(row.index());
      }
    }
    // The NodeExcluded event comes from StatusReport, for members and non-members alike.
  }

  /**
   * Records since when each node is behind the plan as it now stands: set when it falls behind,
   * kept while it stays behind, cleared when it has acknowledged. Bookkeeping, not plan.
   */
  static void recordBehind(PlanContext ctx) {
    for (IndexedNode row : ctx.plan.rows()) {
      boolean watched = row.effectiveState().isListed() && ctx.facts.containsKey(row.name());
      boolean behind = watched && !ctx.acks.acknowledged(row);
      if (!behind) {
        ctx.plan.setBehindSince(row.name(), null);
      } else if (row.behindSince() == null) {
        ctx.plan.setBehindSince(row.name(), ctx.now());
      }
    }
  }
}
