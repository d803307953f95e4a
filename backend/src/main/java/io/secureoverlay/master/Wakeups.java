package io.secureoverlay.master;

import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When the next round must run even if nothing changes in the cluster: the grace period ends, a
 * node becomes lagging or excluded, a rotation falls due.
 */
final class Wakeups {

  private Wakeups() {}

  static Optional<Instant> next(PlanContext ctx) {
    List<Instant> times = new ArrayList<>();
    Transition t = ctx.plan.transition();
    if (t != null && TransitionSteps.RetireGrace.NAME.equals(t.step())) {
      times.add(t.stepStartedAt().plus(ctx.timings.retireGrace()));
    }
    if (t == null && ctx.plan.status().getNextRotationAt() != null) {
      times.add(ctx.plan.status().getNextRotationAt());
    }
    for (IndexedNode row : ctx.plan.rows()) {
      Instant since = ctx.behindSince(row);
      if (since != null) {
        times.add(since.plus(ctx.timings.ackTimeout()));
        times.add(since.plus(ctx.timings.excludeAfter()));
      }
    }
    return times.stream().filter(i -> i.isAfter(ctx.now())).min(Comparator.naturalOrder());
  }
}
