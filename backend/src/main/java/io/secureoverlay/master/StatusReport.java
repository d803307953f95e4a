package io.secureoverlay.master;

import io.secureoverlay.protocol.ConditionStatus;
import io.secureoverlay.protocol.Conditions;
import io.secureoverlay.protocol.EpochStatus;
import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.MemberState;
import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.protocol.StatusCondition;
import io.secureoverlay.protocol.Transition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The part of status that is for people: phase, Ready/Progressing/Degraded, lagging and excluded
 * nodes, the ready count, and the events that go with their changes.
 */
final class StatusReport {

  private StatusReport() {}

  static void write(PlanContext ctx, SecureOverlayStatus previous, SecureOverlayStatus status) {
    List<String> lagging = new ArrayList<>();
    List<String> timedOut = new ArrayList<>();
    List<String> notInStep = new ArrayList<>();
    int watched = 0;
    for (IndexedNode row : ctx.plan.rows()) {
      if (!row.effectiveState().isListed() || !ctx.facts.containsKey(row.name())) {
        continue;
      }
      watched++;
      if (ctx.excluded(row)) {
        timedOut.add(row.name());
      } else if (ctx.lagging(row)) {
        lagging.add(row.name());
      }
      boolean member = row.effectiveState() == MemberState.MEMBER || !ctx.plan.hasEpochs();
      if (!member || !ctx.acks.acknowledged(row)) {
        notInStep.add(row.name());
      }
    }
    Set<String> excluded = new TreeSet<>(timedOut);
    excluded.addAll(notEligible(ctx));
    status.setLagging(new ArrayList<>(new TreeSet<>(lagging)));
    status.setExcluded(new ArrayList<>(excluded));
    status.setReadyNodes((watched - notInStep.size()) + "/" + watched);
    status.setObservedGeneration(ctx.input.generation());
    status.setPhase(phase(ctx));
    nodeEvents(ctx, previous, lagging, timedOut, excluded);
    conditions(ctx, status, lagging, timedOut, notInStep, watched);
  }

  /** Nodes without an underlay address, or named in spec.excludeNodes. */
  private static Set<String> notEligible(PlanContext ctx) {
    Set<String> eligible = NodeTableStep.eligibleNodes(ctx).keySet();
    Set<String> out = new TreeSet<>();
    for (NodeFact fact : ctx.input.nodes()) {
      if (!eligible.contains(fact.name())) {
        out.add(fact.name());
      }
    }
    return out;
  }

  static OverlayPhase phase(PlanContext ctx) {
    Transition t = ctx.plan.transition();
    if (t != null) {
      return switch (t.kind()) {
        case ENABLE -> OverlayPhase.ENABLING;
        case ROTATE -> OverlayPhase.ROTATING;
        case DISABLE -> OverlayPhase.DISABLING;
      };
    }
    return ctx.plan.hasEpochs() ? OverlayPhase.ENABLED : OverlayPhase.DISABLED;
  }

  private static void nodeEvents(
      PlanContext ctx,
      SecureOverlayStatus previous,
      List<String> lagging,
      List<String> timedOut,
      Set<String> excluded) {
    Set<String> wasLagging =
        previous == null || previous.getLagging() == null
            ? Set.of()
            : new HashSet<>(previous.getLagging());
    Set<String> wasExcluded =
        previous == null || previous.getExcluded() == null
            ? Set.of()
            : new HashSet<>(previous.getExcluded());
    List<String> newlyLagging = lagging.stream().filter(n -> !wasLagging.contains(n)).toList();
    List<String> newlyExcluded = timedOut.stream().filter(n -> !wasExcluded.contains(n)).toList();
    if (!newlyLagging.isEmpty()) {
      ctx.event(
          PlanEvent.warning(
              "NodeLagging",
              NodeNames.count(newlyLagging.size())
                  + " did not acknowledge the plan within spec.ackTimeout ("
                  + ctx.spec.getAckTimeout()
                  + "): "
                  + NodeNames.list(newlyLagging)));
    }
    if (!newlyExcluded.isEmpty()) {
      ctx.event(
          PlanEvent.warning(
              "NodeExcluded",
              NodeNames.count(newlyExcluded.size())
                  + " did not acknowledge the plan within "
                  + SpecTimings.EXCLUDE_AFTER_TIMEOUTS
                  + " x spec.ackTimeout and no longer hold the cluster back; they catch up when"
                  + " they return: "
                  + NodeNames.list(newlyExcluded)));
    }
    Set<String> was = new TreeSet<>(wasLagging);
    was.addAll(wasExcluded);
    List<String> caughtUp = new ArrayList<>();
    for (String name : was) {
      boolean listed = ctx.plan.row(name).filter(r -> r.effectiveState().isListed()).isPresent();
      if (listed && !lagging.contains(name) && !excluded.contains(name)) {
        caughtUp.add(name);
      }
    }
    if (!caughtUp.isEmpty()) {
      ctx.event(
          PlanEvent.normal(
              "NodeCaughtUp",
              NodeNames.count(caughtUp.size())
                  + " acknowledged the current plan again: "
                  + NodeNames.list(caughtUp)));
    }
  }

  private static void conditions(
      PlanContext ctx,
      SecureOverlayStatus status,
      List<String> lagging,
      List<String> timedOut,
      List<String> notInStep,
      int watched) {
    Transition t = ctx.plan.transition();
    long generation = ctx.input.generation();
    StatusCondition ready;
    if (t != null) {
      ready =
          condition(
              StatusCondition.READY,
              ConditionStatus.FALSE,
              "TransitionInProgress",
              TransitionPipeline.phaseWord(t.kind())
                  + " at step "
                  + t.step()
                  + "; "
                  + status.getReadyNodes()
                  + " nodes in step",
              generation);
    } else if (!notInStep.isEmpty()) {
      ready =
          condition(
              StatusCondition.READY,
              ConditionStatus.FALSE,
              "NodesNotReady",
              notInStep.size()
                  + " of "
                  + NodeNames.count(watched)
                  + " not in step: "
                  + NodeNames.list(notInStep),
              generation);
    } else if (ctx.plan.hasEpochs()) {
      EpochStatus active = ctx.plan.epochs().get(ctx.plan.outbound());
      ready =
          condition(
              StatusCondition.READY,
              ConditionStatus.TRUE,
              "Encrypting",
              NodeNames.count(watched)
                  + " encrypt with epoch "
                  + ctx.plan.outbound()
                  + (active == null ? "" : " (fingerprint " + active.fingerprint() + ")"),
              generation);
    } else {
      ready =
          condition(
              StatusCondition.READY,
              ConditionStatus.TRUE,
              "Plaintext",
              "encryption is off as spec.enabled asks; " + NodeNames.count(watched) + " in step",
              generation);
    }
    StatusCondition progressing =
        t == null
            ? condition(
                StatusCondition.PROGRESSING,
                ConditionStatus.FALSE,
                "Idle",
                "no transition under way",
                generation)
            : condition(
                StatusCondition.PROGRESSING,
                ConditionStatus.TRUE,
                switch (t.kind()) {
                  case ENABLE -> "Enabling";
                  case ROTATE -> "Rotating";
                  case DISABLE -> "Disabling";
                },
                "step " + t.step() + " since " + t.stepStartedAt(),
                generation);
    StatusCondition degraded;
    if (!timedOut.isEmpty()) {
      degraded =
          condition(
              StatusCondition.DEGRADED,
              ConditionStatus.TRUE,
              "NodesExcluded",
              NodeNames.count(timedOut.size())
                  + " excluded after not acknowledging for "
                  + SpecTimings.EXCLUDE_AFTER_TIMEOUTS
                  + " x spec.ackTimeout: "
                  + NodeNames.list(timedOut),
              generation);
    } else if (!lagging.isEmpty()) {
      degraded =
          condition(
              StatusCondition.DEGRADED,
              ConditionStatus.TRUE,
              "NodesLagging",
              NodeNames.count(lagging.size())
                  + " lagging behind the plan: "
                  + NodeNames.list(lagging),
              generation);
    } else {
      degraded =
          condition(
              StatusCondition.DEGRADED,
              ConditionStatus.FALSE,
              "AsExpected",
              "no refused input, no lagging node",
              generation);
    }
    List<StatusCondition> list = status.getConditions();
    for (StatusCondition c : List.of(ready, progressing, degraded)) {
      list = Conditions.put(list, c, ctx.now());
    }
    status.setConditions(list);
  }

  static StatusCondition condition(
      String type, ConditionStatus status, String reason, String message, long generation) {
    return new StatusCondition(type, status, reason, message, null, generation);
  }
}
