package io.secureoverlay.ui.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.ui.topology.NodeHealth;
import io.secureoverlay.ui.topology.SyntheticCluster;
import io.secureoverlay.ui.topology.TopologyModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeFilterTest {

  private final List<NodeRow> rows = rows();

  private static List<NodeRow> rows() {
    TopologyModel model = SyntheticCluster.encrypted(12).lagging(3).withoutReport(11).model();
    return model.nodes().stream().map(n -> NodeRow.of(n, model.judgedAt())).toList();
  }

  private List<String> shown(NodeFilter filter) {
    return rows.stream().filter(filter).map(NodeRow::name).toList();
  }

  @Test
  void blankShowsEveryNode() {
    assertThat(shown(NodeFilter.ALL)).hasSize(12);
    assertThat(shown(NodeFilter.ALL.withText("   "))).hasSize(12);
  }

  @Test
  void textMatchesNameSubstringsInAnyCase() {
    assertThat(shown(NodeFilter.ALL.withText("NODE-01"))).containsExactly("node-010", "node-011");
  }

  @Test
  void textMatchesUnderlayIpSubstrings() {
    assertThat(shown(NodeFilter.ALL.withText("10.0.0.12"))).containsExactly("node-011");
  }

  @Test
  void healthNarrowsToThatHealthOnly() {
    assertThat(shown(NodeFilter.ALL.withHealth(NodeHealth.LAGGING))).containsExactly("node-003");
    assertThat(shown(NodeFilter.ALL.withHealth(NodeHealth.MISSING).withText("node")))
        .containsExactly("node-011");
  }
}
