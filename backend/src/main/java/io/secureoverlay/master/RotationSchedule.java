package io.secureoverlay.master;

import io.secureoverlay.protocol.SecureOverlayStatus;
import java.time.Instant;
import java.util.Objects;

/** Keeps status.nextRotationAt in line with spec.rotationInterval while the overlay is idle. */
final class RotationSchedule {

  private RotationSchedule() {}

  static void keep(PlanContext ctx) {
    SecureOverlayStatus status = ctx.plan.status();
    if (!ctx.enabled() || ctx.plan.outbound() == null) {
      status.setNextRotationAt(null);
      ignoreTokenWhileOff(ctx);
      return;
    }
    if (status.getLastRotationAt() == null) {
      status.setLastRotationAt(ctx.now()); // a plan from before rotation times were recorded
    }
    Instant next = status.getLastRotationAt().plus(ctx.timings.rotationInterval());
    if (!Objects.equals(next, status.getNextRotationAt())) {
      status.setNextRotationAt(next);
    }
  }

  /** A rotate-now request while encryption is off has nothing to rotate: record it, and say so. */
  private static void ignoreTokenWhileOff(PlanContext ctx) {
    String token = ctx.spec.getRotateNowToken();
    SecureOverlayStatus status = ctx.plan.status();
    if (!ctx.plan.hasEpochs()
        && token != null
        && !token.equals(status.getHandledRotateNowToken())) {
      status.setHandledRotateNowToken(token);
      ctx.event(
          PlanEvent.normal(
              "RotateNowIgnored",
              "spec.rotateNowToken '" + token + "' handled: encryption is off, nothing to rotate"));
    }
  }
}
