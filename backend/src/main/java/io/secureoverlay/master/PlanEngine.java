package io.secureoverlay.master;

import io.secureoverlay.protocol.ConditionStatus;
import io.secureoverlay.protocol.Conditions;
import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.protocol.StatusCondition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The master's decisions, without Kubernetes: given the spec, the current plan, the nodes, the
 * agents' acknowledgements, the keys Secret's epoch numbers and the time, the next plan and what
 * goes with it. Pure and deterministic: the same input gives the same decision, and nothing in the
 * input is modified. The protocol is docs/design/plan-protocol.md; each round runs the steps below
 * in order, each a small package-private class tested on its own.
 */
public final class PlanEngine {

  private final InputGate gate = new InputGate();

  public PlanDecision decide(PlanInput input) {
    Objects.requireNonNull(input, "input");
    Optional<InputGate.Refusal> refusal = gate.check(input);
    if (refusal.isPresent()) {
      return refuse(input, refusal.get());
    }
    SecureOverlayStatus previous = input.status();
    Plan plan = new Plan(previous);
    PlanContext ctx = new PlanContext(input, plan);

    HealthStep.clearCaughtUp(ctx);
    HealthStep.demoteExcluded(ctx);
    NodeTableStep.sync(ctx);
    MembershipStep.recordReports(ctx);
    NodeTableStep.advance(ctx);
    TransitionDriver.run(ctx);
    MembershipStep.maintainEnforcing(ctx);
    EpochKeys.plan(ctx);
    HealthStep.recordBehind(ctx);

    boolean planChanged = plan.contentChanged() || previous == null;
    SecureOverlayStatus next = plan.finish(input.now());
    clearedRefusal(ctx, previous);
    StatusReport.write(ctx, previous, next);
    return new PlanDecision(
        next, !next.equals(previous), planChanged, ctx.keyChanges, ctx.events, Wakeups.next(ctx));
  }

  /** The plan stays as it is; only phase and conditions say why, and one event when it is new. */
  private static PlanDecision refuse(PlanInput input, InputGate.Refusal refusal) {
    SecureOverlayStatus previous = input.status();
    SecureOverlayStatus next = previous == null ? new SecureOverlayStatus() : previous.copy();
    boolean repeated =
        Conditions.find(next.getConditions(), StatusCondition.DEGRADED)
            .filter(c -> c.isTrue() && refusal.reason().equals(c.reason()))
            .filter(c -> refusal.message().equals(c.message()))
            .isPresent();
    long generation = input.generation();
    List<StatusCondition> conditions = next.getConditions();
    conditions =
        Conditions.put(
            conditions,
            StatusReport.condition(
                StatusCondition.DEGRADED,
                ConditionStatus.TRUE,
                refusal.reason(),
                refusal.message(),
                generation),
            input.now());
    conditions =
        Conditions.put(
            conditions,
            StatusReport.condition(
                StatusCondition.READY,
                ConditionStatus.FALSE,
                refusal.reason(),
                "the master acts on nothing until this is fixed: " + refusal.message(),
                generation),
            input.now());
    next.setConditions(conditions);
    next.setPhase(OverlayPhase.DEGRADED);
    List<PlanEvent> events =
        repeated ? List.of() : List.of(PlanEvent.warning(refusal.reason(), refusal.message()));
    return new PlanDecision(
        next, !next.equals(previous), false, List.of(), events, Optional.empty());
  }

  /** An event when input refused before is accepted again. */
  private static void clearedRefusal(PlanContext ctx, SecureOverlayStatus previous) {
    if (previous != null && previous.getPhase() == OverlayPhase.DEGRADED) {
      Conditions.find(previous.getConditions(), StatusCondition.DEGRADED)
          .filter(StatusCondition::isTrue)
          .ifPresent(
              c ->
                  ctx.event(
                      PlanEvent.normal(
                          "InputAccepted",
                          "the refusal (" + c.reason() + ") is resolved; the master acts again")));
    }
  }
}
