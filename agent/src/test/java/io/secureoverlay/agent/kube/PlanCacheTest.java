package io.secureoverlay.agent.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.reconcile.NodeRef;
import io.secureoverlay.protocol.NodeSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCacheTest {

  private final PlanCache cache = new PlanCache();

  private List<NodeRef> listed(PlanFixtures plan) {
    return PlanContext.of(plan.status(), "node-1", cache).orElseThrow().listed();
  }

  @Test
  void aRowThatDidNotChangeIsTheSameObjectInTheNextPlan() {
    PlanFixtures plan = new PlanFixtures(3).epoch(1, NodeSet.range(1, 3), NodeSet.empty());
    List<NodeRef> first = listed(plan);
    // A new plan object (a new revision), in which node-3 moved to another underlay address.
    List<NodeRef> second = listed(plan.revision(2).underlay(3, "192.0.2.33"));

    assertThat(second).hasSize(3);
    assertThat(second.get(0)).isSameAs(first.get(0));
    assertThat(second.get(1)).isSameAs(first.get(1));
    assertThat(second.get(2)).isNotEqualTo(first.get(2));
    assertThat(second.get(2).underlay().getHostAddress()).isEqualTo("192.0.2.33");
  }

  @Test
  void theSamePlanObjectIsParsedOnce() {
    PlanFixtures plan = new PlanFixtures(2).epoch(1, NodeSet.range(1, 2), NodeSet.empty());
    var status = plan.status();
    assertThat(PlanContext.of(status, "node-2", cache).orElseThrow().listed())
        .isSameAs(PlanContext.of(status, "node-1", cache).orElseThrow().listed());
  }

  @Test
  void everyAgentOfAPlanSharesOneIndexByUnderlayThatFollowsTheTable() {
    PlanFixtures plan = new PlanFixtures(3).epoch(1, NodeSet.range(1, 3), NodeSet.empty());
    var status = plan.status();
    PlanContext one = PlanContext.of(status, "node-1", cache).orElseThrow();
    PlanContext two = PlanContext.of(status, "node-2", cache).orElseThrow();
    assertThat(two.indexByUnderlay()).isSameAs(one.indexByUnderlay()).hasSize(3);
    one.listed()
        .forEach(n -> assertThat(one.indexByUnderlay()).containsEntry(n.underlay(), n.index()));

    // The next plan, in which node-3 moved: the index follows, the old address is gone.
    PlanContext moved =
        PlanContext.of(plan.revision(2).underlay(3, "192.0.2.33").status(), "node-1", cache)
            .orElseThrow();
    NodeRef three = moved.listed().get(2);
    assertThat(three.underlay().getHostAddress()).isEqualTo("192.0.2.33");
    assertThat(moved.indexByUnderlay())
        .containsEntry(three.underlay(), three.index())
        .doesNotContainKey(one.listed().get(2).underlay())
        .hasSize(3);
  }
}
