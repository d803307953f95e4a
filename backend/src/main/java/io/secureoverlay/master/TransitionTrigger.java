package io.secureoverlay.master;

import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.protocol.TransitionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why a transition should start now, when none is under way: the spec's switch, a rotate-now token,
 * a node reporting SAs near their soft lifetime, or the schedule.
 *
 * @param token the spec.rotateNowToken this start handles, or {@code null}
 */
record TransitionTrigger(TransitionKind kind, String why, String token) {

  static Optional<TransitionTrigger> next(PlanContext ctx) {
    Plan plan = ctx.plan;
    if (!ctx.enabled()) {
      return plan.hasEpochs()
          ? Optional.of(
              new TransitionTrigger(TransitionKind.DISABLE, "spec.enabled is false", null))
          : Optional.empty();
    }
    if (!plan.hasEpochs()) {
      return Optional.of(
          new TransitionTrigger(TransitionKind.ENABLE, "spec.enabled is true", null));
    }
    if (plan.outbound() == null) {
      // Epochs but nobody sending while idle: not a state any transition leaves behind. Disabling
      // is correct from any plan; a fresh enable follows.
      return Optional.of(
          new TransitionTrigger(
              TransitionKind.DISABLE, "epochs are live but none is in use; starting over", null));
    }
    String token = ctx.spec.getRotateNowToken();
    if (token != null && !token.equals(plan.status().getHandledRotateNowToken())) {
      return Optional.of(
          new TransitionTrigger(
              TransitionKind.ROTATE, "spec.rotateNowToken changed to '" + token + "'", token));
    }
    List<String> expiring = softExpired(ctx, plan.outbound());
    if (!expiring.isEmpty()) {
      return Optional.of(
          new TransitionTrigger(
              TransitionKind.ROTATE,
              "SAs of epoch "
                  + plan.outbound()
                  + " reached their soft lifetime on "
                  + NodeNames.list(expiring),
              null));
    }
    var due = plan.status().getNextRotationAt();
    if (due != null && !ctx.now().isBefore(due)) {
      return Optional.of(
          new TransitionTrigger(
              TransitionKind.ROTATE, "scheduled by spec.rotationInterval (due " + due + ")", null));
    }
    return Optional.empty();
  }

  private static List<String> softExpired(PlanContext ctx, long epoch) {
    List<String> names = new ArrayList<>();
    for (IndexedNode row : ctx.barrier()) {
      SecureOverlayNodeStatus report = ctx.acks.report(row.name());
      if (report != null
          && report.getSoftExpiredEpochs() != null
          && report.getSoftExpiredEpochs().contains(epoch)) {
        names.add(row.name());
      }
    }
    return names;
  }
}
