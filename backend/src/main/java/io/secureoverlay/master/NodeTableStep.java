package io.secureoverlay.master;

import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.MemberState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins and leaves, one row at a time and concurrently with any transition
 * (docs/design/plan-protocol.md, section 5). {@link #sync} lists new nodes and starts leaves;
 * {@link #advance} moves rows along once every live node applied their last step.
 */
final class NodeTableStep {

  private NodeTableStep() {}

  /** Lists eligible nodes that have no row and starts the leave of rows no longer eligible. */
  static void sync(PlanContext ctx) {
    Map<String, String> eligible = eligibleNodes(ctx);
    List<String> leaving = new ArrayList<>();
    for (IndexedNode row : ctx.plan.rows()) {
      String ip = eligible.get(row.name());
      MemberState state = row.effectiveState();
      boolean stays = ip != null && ip.equals(row.underlayIp());
      if (!stays && state == MemberState.MEMBER) {
        ctx.plan.setState(row.name(), MemberState.LEAVING);
        ctx.plan.stopRelyingOn(row.index());
        leaving.add(row.name());
      } else if (!stays && state == MemberState.JOINING) {
        ctx.plan.setState(row.name(), MemberState.DEPARTING);
        ctx.plan.stopRelyingOn(row.index());
        ctx.plan.removeFromReady(row.index());
        leaving.add(row.name());
      }
    }
    if (!leaving.isEmpty()) {
      ctx.event(
          PlanEvent.normal(
              "NodeLeaving",
              NodeNames.count(leaving.size())
                  + " leaving the overlay: "
                  + NodeNames.list(leaving)
                  + " (deleted, excluded by spec.excludeNodes, or underlay address gone or"
                  + " changed)"));
    }
    join(ctx, eligible);
  }

  private static void join(PlanContext ctx, Map<String, String> eligible) {
    Set<String> takenIps = new HashSet<>();
    ctx.plan.listedRows().forEach(r -> takenIps.add(r.underlayIp()));
    boolean nothingToProtect = !ctx.plan.hasEpochs() && ctx.plan.transition() == null;
    MemberState initial = nothingToProtect ? MemberState.MEMBER : MemberState.JOINING;
    List<String> joined = new ArrayList<>();
    for (Map.Entry<String, String> e : eligible.entrySet()) {
      if (ctx.plan.row(e.getKey()).isPresent() || !takenIps.add(e.getValue())) {
        continue; // still leaving under its old row, or its address is another row's
      }
      int index = ctx.plan.lowestFreeIndex();
      ctx.plan.addRow(
          new IndexedNode(e.getKey(), index, e.getValue(), initial, ctx.plan.nextRevision(), null));
      joined.add(e.getKey());
    }
    if (!joined.isEmpty()) {
      ctx.event(
          PlanEvent.normal(
              "NodeJoined",
              NodeNames.count(joined.size())
                  + " joined as "
                  + initial.name().toLowerCase(java.util.Locale.ROOT)
                  + ": "
                  + NodeNames.list(joined)));
    }
  }

  /**
   * Nodes that belong in the table, by name: a Node with an underlay address, not in
   * spec.excludeNodes. Sorted by name so indices are handed out in a stable order.
   */
  static Map<String, String> eligibleNodes(PlanContext ctx) {
    Set<String> excluded =
        ctx.spec.getExcludeNodes() == null ? Set.of() : Set.copyOf(ctx.spec.getExcludeNodes());
    Map<String, String> eligible = new java.util.TreeMap<>();
    for (NodeFact fact : ctx.input.nodes()) {
      if (fact.hasUnderlay() && !excluded.contains(fact.name())) {
        eligible.put(fact.name(), fact.underlayIp());
      }
    }
    return eligible;
  }

  /** Admits joining nodes and moves leaving ones on, each once every live node caught up. */
  static void advance(PlanContext ctx) {
    long applied = ctx.minApplied();
    Map<String, List<String>> moved = new HashMap<>();
    for (IndexedNode row : ctx.plan.rows()) {
      if (applied < AckView.revisionOf(row)) {
        continue;
      }
      switch (row.effectiveState()) {
        case JOINING -> {
          if (admissible(ctx, row)) {
            ctx.plan.setState(row.name(), MemberState.MEMBER);
            note(moved, "NodeAdmitted", row);
          }
        }
        case LEAVING -> {
          ctx.plan.setState(row.name(), MemberState.DEPARTING);
          ctx.plan.removeFromReady(row.index());
        }
        case DEPARTING -> ctx.plan.setState(row.name(), MemberState.REMOVED);
        case REMOVED -> {
          ctx.plan.removeRow(row.name());
          note(moved, "NodeRemoved", row);
        }
        default -> {}
      }
    }
    report(ctx, moved, "NodeAdmitted", " admitted: they encrypt from now on: ");
    report(ctx, moved, "NodeRemoved", " removed; their indices are free again: ");
  }

  /**
   * A joining node may encrypt once it is live and ready for every live epoch: then every live peer
   * holds its SAs (they applied its row) and it holds theirs.
   */
  private static boolean admissible(PlanContext ctx, IndexedNode row) {
    if (!ctx.facts.containsKey(row.name()) || ctx.excluded(row)) {
      return false;
    }
    if (!ctx.plan.hasEpochs()) {
      return true; // no SA anywhere: nothing a sender could get wrong
    }
    return ctx.acks.current(row)
        && ctx.plan.epochs().values().stream()
            .allMatch(e -> e.readyOrEmpty().contains(row.index()));
  }

  private static void note(Map<String, List<String>> moved, String reason, IndexedNode row) {
    moved.computeIfAbsent(reason, r -> new ArrayList<>()).add(row.name());
  }

  private static void report(
      PlanContext ctx, Map<String, List<String>> moved, String reason, String text) {
    List<String> names = moved.get(reason);
    if (names != null) {
      ctx.event(
          PlanEvent.normal(reason, NodeNames.count(names.size()) + text + NodeNames.list(names)));
    }
  }
}
