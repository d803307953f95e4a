package io.secureoverlay.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.protocol.NodeSet;
import io.secureoverlay.ui.cluster.ClusterSnapshot;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TopologyModelsTest {

  private final TopologyModels models =
      new TopologyModels(Clock.fixed(SyntheticCluster.NOW, ZoneOffset.UTC));

  @Test
  void oneSnapshotIsOneModelForEveryTab() {
    ClusterSnapshot snapshot = SyntheticCluster.encrypted(60).snapshot();

    assertThat(models.model(snapshot)).isSameAs(models.model(snapshot));
    assertThat(models.hasModelFor(snapshot)).isTrue();
    assertThat(models.hasModelFor(SyntheticCluster.encrypted(60).snapshot())).isFalse();
  }

  @Test
  void aNewSnapshotThatLooksTheSameReusesTheDrawnMatrix() {
    TopologyModel first = models.model(SyntheticCluster.encrypted(60).snapshot());
    byte[] drawn = models.heatmapPng(first);
    // A heartbeat later: a new snapshot and model, the same picture.
    TopologyModel second = models.model(SyntheticCluster.encrypted(60).snapshot());

    assertThat(second).isNotSameAs(first);
    assertThat(models.hasPictureOf(second)).isTrue();
    assertThat(models.heatmapPng(second)).isSameAs(drawn);
  }

  @Test
  void aChangedPictureIsDrawnAgain() {
    byte[] drawn = models.heatmapPng(models.model(SyntheticCluster.encrypted(60).snapshot()));
    TopologyModel changed =
        models.model(
            SyntheticCluster.encrypted(60)
                .edit(5, s -> s.setEncryptingTo(NodeSet.empty()))
                .snapshot());

    assertThat(models.hasPictureOf(changed)).isFalse();
    assertThat(models.heatmapPng(changed)).isNotEqualTo(drawn);
    assertThat(models.hasPictureOf(changed)).isTrue();
  }

  @Test
  void theGraphIsDrawnOncePerPictureWithItsStableId() {
    TopologyModel first = models.model(SyntheticCluster.encrypted(6).snapshot());
    String svg = models.svgGraph(first);
    TopologyModel second = models.model(SyntheticCluster.encrypted(6).snapshot());
    TopologyModel lagging = models.model(SyntheticCluster.encrypted(6).lagging(2).snapshot());

    assertThat(svg).contains("id=\"topology-svg\"");
    assertThat(models.svgGraph(second)).isSameAs(svg);
    assertThat(models.svgGraph(lagging)).isNotEqualTo(svg).contains("topology-node--lagging");
  }
}
