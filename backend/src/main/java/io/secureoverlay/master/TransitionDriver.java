package io.secureoverlay.master;

import io.secureoverlay.protocol.EpochStatus;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.protocol.Transition;
import io.secureoverlay.protocol.TransitionKind;
import java.util.Optional;

/**
 * Starts, advances and ends transitions. A transition starts only when none is under way, except
 * that disabling interrupts enabling or rotating; it then moves step by step, in the same round as
 * long as steps complete, and ends by recording the rotation times.
 */
final class TransitionDriver {

  /** More than any pipeline has steps: a bound, not a tuning knob. */
  private static final int MAX_STEPS_PER_ROUND = 8;

  private TransitionDriver() {}

  static void run(PlanContext ctx) {
    Transition t = ctx.plan.transition();
    if (t != null && (t.kind() == null || t.step() == null)) {
      ctx.event(
          PlanEvent.warning(
              "UnknownStep",
              "status.transition has no kind or step; dropped, and the next transition decided"
                  + " afresh"));
      ctx.plan.setTransition(null);
      t = null;
    }
    if (t != null && t.kind() != TransitionKind.DISABLE && !ctx.enabled()) {
      ctx.event(
          PlanEvent.normal(
              TransitionPipeline.phaseWord(t.kind()) + "Interrupted",
              TransitionPipeline.phaseWord(t.kind())
                  + " interrupted at step "
                  + t.step()
                  + ": spec.enabled is false"));
      ctx.plan.setTransition(null);
      begin(ctx, new TransitionTrigger(TransitionKind.DISABLE, "spec.enabled is false", null));
    } else if (t == null) {
      Optional<TransitionTrigger> trigger = TransitionTrigger.next(ctx);
      if (trigger.isPresent()) {
        begin(ctx, trigger.get());
      } else {
        RotationSchedule.keep(ctx);
      }
    }
    advance(ctx);
  }

  private static void begin(PlanContext ctx, TransitionTrigger trigger) {
    Plan plan = ctx.plan;
    Long from = null;
    Long to = null;
    if (trigger.kind() != TransitionKind.DISABLE) {
      long next = plan.lastEpoch() + 1;
      if (!EpochKeys.usable(ctx, next)) {
        ctx.wantsNextEpoch = true; // created this round; the transition starts in the next
        return;
      }
      plan.status().setLastEpoch(next);
      from = plan.outbound();
      to = next;
      ctx.event(
          PlanEvent.normal(
              "EpochCreated",
              "epoch " + next + " created, fingerprint " + EpochKeys.fingerprint(ctx, next)));
    } else if (plan.hasEpochs()) {
      from = plan.epochs().firstKey();
    }
    if (trigger.token() != null) {
      plan.status().setHandledRotateNowToken(trigger.token());
    }
    TransitionStep first = TransitionPipeline.first(trigger.kind());
    plan.setTransition(
        new Transition(trigger.kind(), first.name(), ctx.now(), ctx.now(), from, to));
    ctx.event(
        PlanEvent.normal(
            TransitionPipeline.phaseWord(trigger.kind()) + "Started",
            describe(trigger.kind(), from, to) + ": " + trigger.why()));
    startStep(ctx, first);
  }

  private static void advance(PlanContext ctx) {
    for (int i = 0; i < MAX_STEPS_PER_ROUND; i++) {
      Transition t = ctx.plan.transition();
      if (t == null) {
        return;
      }
      Optional<TransitionStep> current = TransitionPipeline.step(t.kind(), t.step());
      if (current.isEmpty()) {
        ctx.event(
            PlanEvent.warning(
                "UnknownStep",
                "status.transition.step '"
                    + t.step()
                    + "' is not a step of "
                    + t.kind()
                    + "; resuming at its first step"));
        startStep(ctx, TransitionPipeline.first(t.kind()));
        continue;
      }
      if (!current.get().done(ctx)) {
        return;
      }
      Optional<TransitionStep> next = TransitionPipeline.after(t.kind(), current.get());
      if (next.isPresent()) {
        startStep(ctx, next.get());
      } else {
        finish(ctx, t);
      }
    }
  }

  private static void startStep(PlanContext ctx, TransitionStep step) {
    Transition t = ctx.plan.transition();
    ctx.plan.setTransition(
        new Transition(
            t.kind(), step.name(), t.startedAt(), ctx.now(), t.fromEpoch(), t.toEpoch()));
    step.start(ctx);
    ctx.event(
        PlanEvent.normal(
            "StepStarted",
            TransitionPipeline.phaseWord(t.kind())
                + " step "
                + step.name()
                + " ("
                + describe(t.kind(), t.fromEpoch(), t.toEpoch())
                + ")"));
  }

  private static void finish(PlanContext ctx, Transition t) {
    SecureOverlayStatus status = ctx.plan.status();
    ctx.plan.setTransition(null);
    String word = TransitionPipeline.phaseWord(t.kind());
    int nodes = ctx.barrier().size();
    switch (t.kind()) {
      case ENABLE, ROTATE -> {
        status.setLastRotationAt(ctx.now());
        status.setNextRotationAt(ctx.now().plus(ctx.timings.rotationInterval()));
        EpochStatus active = ctx.plan.epochs().get(t.toEpoch());
        ctx.event(
            PlanEvent.normal(
                word + "Completed",
                "epoch "
                    + t.toEpoch()
                    + " (fingerprint "
                    + (active == null ? "unknown" : active.fingerprint())
                    + ") in use on "
                    + NodeNames.count(nodes)
                    + "; next rotation at "
                    + status.getNextRotationAt()));
        if (t.kind() == TransitionKind.ROTATE && t.fromEpoch() != null) {
          ctx.event(
              PlanEvent.normal(
                  "EpochRetired", "epoch " + t.fromEpoch() + " retired and its secret dropped"));
        }
      }
      case DISABLE -> {
        status.setNextRotationAt(null);
        ctx.event(
            PlanEvent.normal(
                word + "Completed",
                "encryption is off on " + NodeNames.count(nodes) + "; every epoch dropped"));
      }
    }
  }

  private static String describe(TransitionKind kind, Long from, Long to) {
    return switch (kind) {
      case ENABLE -> "epoch " + to;
      case ROTATE -> "epoch " + from + " to " + to;
      case DISABLE -> "all epochs";
    };
  }
}
