package io.secureoverlay.agent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.dataplane.DataplaneChange;
import io.secureoverlay.agent.dataplane.SimulatedDataplane;
import io.secureoverlay.crypto.PairKeyDeriver;
import io.secureoverlay.spi.SpiAllocator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Planning against the builder's previous build (looking only at what the new build made anew) must
 * find exactly the changes a full comparison against the data plane finds, through a whole life:
 * enable, a rotation, a node joining and one leaving, disable.
 */
class ChangePlannerLastBuildTest {

  private final SimulatedCluster cluster = new SimulatedCluster(4);
  private final SimulatedDataplane sim = cluster.simulated("node-1");
  private final DesiredXfrmBuilder builder =
      new DesiredXfrmBuilder(new PairKeyDeriver(), new SpiAllocator());

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void aPlanFromTheLastBuildEqualsAPlanFromTheDataPlaneAtEveryStep() {
    DesiredXfrm previous = null;
    NodeDesiredState previousState = null;
    int nonEmpty = 0;
    for (int step = 0; step < 9; step++) {
      if (step == 5) {
        cluster.join(5);
      }
      if (step == 7) {
        cluster.leave("node-3");
      }
      NodeDesiredState state = DesiredStateFactory.forNode(intent(step), "node-1");
      DesiredXfrm next = builder.build(state);
      ChangePlan full = ChangePlanner.plan(next, sim.dumpSas(), sim.dumpPolicies());
      if (previous != null) {
        XfrmBaseline reached = XfrmBaseline.reached(previous);
        assertThat(reached.sas())
            .as("the new build knows the previous one's maps")
            .isSameAs(next.sinceLastBuild().orElseThrow().previousSas());
        assertThat(reached.policies()).isSameAs(next.sinceLastBuild().get().previousPolicies());
        ChangePlan fromLast = ChangePlanner.plan(next, reached);
        assertThat(describe(fromLast.saInstalls()))
            .as("step %d SA installs", step)
            .isEqualTo(describe(full.saInstalls()));
        assertThat(describe(fromLast.policyChanges()))
            .as("step %d policy changes", step)
            .containsExactlyInAnyOrderElementsOf(describe(full.policyChanges()));
        assertThat(describe(fromLast.saRemovals()))
            .as("step %d SA removals", step)
            .containsExactlyInAnyOrderElementsOf(describe(full.saRemovals()));
        previous.close();
        previousState.close();
      }
      nonEmpty += full.isEmpty() ? 0 : 1;
      sim.apply(full.all());
      previous = next;
      previousState = state;
    }
    previous.close();
    previousState.close();
    assertThat(nonEmpty).as("steps that changed something").isGreaterThanOrEqualTo(7);
  }

  /** Enable (3 steps), a no-op, rotation to epoch 2 (3 steps), then disable. */
  private ClusterIntent intent(int step) {
    Set<Integer> all = cluster.all();
    return switch (step) {
      case 0 ->
          cluster.intent(List.of(1L), OptionalLong.empty(), Map.of(1L, all), Set.of(), Set.of());
      case 1 ->
          cluster.intent(List.of(1L), OptionalLong.of(1), Map.of(1L, all), Set.of(), Set.of());
      case 2, 3 -> cluster.intent(List.of(1L), OptionalLong.of(1), Map.of(1L, all), all, all);
      case 4 ->
          cluster.intent(List.of(1L, 2L), OptionalLong.of(1), Map.of(1L, all, 2L, all), all, all);
      case 5, 6 ->
          cluster.intent(List.of(1L, 2L), OptionalLong.of(2), Map.of(1L, all, 2L, all), all, all);
      case 7 -> cluster.intent(List.of(2L), OptionalLong.of(2), Map.of(2L, all), all, all);
      default -> cluster.intent(List.of(), OptionalLong.empty(), Map.of(), Set.of(), Set.of());
    };
  }

  private static List<String> describe(List<DataplaneChange> changes) {
    return changes.stream().map(DataplaneChange::describe).toList();
  }
}
