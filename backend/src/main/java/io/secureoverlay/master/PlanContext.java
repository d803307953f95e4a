package io.secureoverlay.master;

import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.MemberState;
import io.secureoverlay.protocol.SecureOverlaySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One planning round: the input, the plan being changed, the reports read against it, and what the
 * round has to say (events, key changes). Steps read and change it; nothing else is shared.
 */
final class PlanContext {

  final PlanInput input;
  final SecureOverlaySpec spec;
  final SpecTimings timings;
  final Plan plan;
  final AckView acks;
  final Map<String, NodeFact> facts;
  final List<PlanEvent> events = new ArrayList<>();
  final List<KeyChange> keyChanges = new ArrayList<>();

  /** Set by a step that needs epoch lastEpoch+1 in the Secret before it can start. */
  boolean wantsNextEpoch;

  PlanContext(PlanInput input, Plan plan) {
    this.input = input;
    this.spec = input.spec();
    this.timings = SpecTimings.of(input.spec());
    this.plan = plan;
    this.acks = new AckView(plan, input.reports());
    this.facts =
        input.nodes().stream()
            .collect(Collectors.toMap(NodeFact::name, Function.identity(), (a, b) -> a));
  }

  Instant now() {
    return input.now();
  }

  boolean enabled() {
    return Boolean.TRUE.equals(spec.getEnabled());
  }

  boolean enforce() {
    return Boolean.TRUE.equals(spec.getEnforce());
  }

  /** Behind for longer than 3 x ackTimeout, by the bookkeeping persisted in the row. */
  boolean excluded(IndexedNode row) {
    Instant since = behindSince(row);
    return since != null && !now().isBefore(since.plus(timings.excludeAfter()));
  }

  boolean lagging(IndexedNode row) {
    Instant since = behindSince(row);
    return since != null && !now().isBefore(since.plus(timings.ackTimeout())) && !excluded(row);
  }

  /**
   * Since when the node counts as behind: its persisted clock, but never earlier than the moment
   * this replica could see reports again (a node is not to blame for an API server outage).
   */
  Instant behindSince(IndexedNode row) {
    Instant since = row.behindSince();
    Instant observing = input.observingSince();
    if (since == null || observing == null) {
      return since;
    }
    return since.isBefore(observing) ? observing : since;
  }

  /**
   * Whether the master waits for this node: listed, its Node exists, not excluded, and either past
   * joining or already receiving ESP (a joining node nobody encrypts toward constrains no pair).
   */
  boolean inBarrier(IndexedNode row) {
    MemberState state = row.effectiveState();
    if (!state.isListed() || !facts.containsKey(row.name()) || excluded(row)) {
      return false;
    }
    return state != MemberState.JOINING || inAnyReadySet(row.index());
  }

  boolean inAnyReadySet(int index) {
    return plan.epochs().values().stream().anyMatch(e -> e.readyOrEmpty().contains(index));
  }

  List<IndexedNode> barrier() {
    return plan.rows().stream().filter(this::inBarrier).toList();
  }

  /**
   * The oldest revision any node the master waits for has applied ({@link Long#MAX_VALUE} when it
   * waits for none): every such node applied revision r exactly when r is at most this.
   */
  long minApplied() {
    return barrier().stream().mapToLong(r -> acks.observed(r.name())).min().orElse(Long.MAX_VALUE);
  }

  /** Whether every node the master waits for has acknowledged the plan as it now stands. */
  boolean allAcknowledged() {
    return barrier().stream().allMatch(acks::acknowledged);
  }

  void event(PlanEvent event) {
    events.add(event);
  }
}
