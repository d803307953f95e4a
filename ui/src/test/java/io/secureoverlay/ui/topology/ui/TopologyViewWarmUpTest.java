package io.secureoverlay.ui.topology.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import io.secureoverlay.ui.topology.SyntheticCluster;
import io.secureoverlay.ui.topology.TopologyModel;
import io.secureoverlay.ui.topology.TopologyModels;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The start-up warm-up runs the view's code with no UI, session or sign-in at all. */
class TopologyViewWarmUpTest {

  private final TopologyModels models =
      new TopologyModels(Clock.fixed(SyntheticCluster.NOW, ZoneOffset.UTC));
  private final TopologyViewWarmUp warmUp = new TopologyViewWarmUp(models);

  @Test
  void aLargeClusterWarmsUpWithoutAnyUi() {
    TopologyModel model = models.model(SyntheticCluster.encrypted(60).snapshot());

    warmUp.warmUp(model);

    assertThat(UI.getCurrent()).isNull();
    assertThat(VaadinSession.getCurrent()).isNull();
  }

  @Test
  void aSmallClusterWarmsUpWithoutAnyUi() {
    TopologyModel model = models.model(SyntheticCluster.encrypted(6).snapshot());

    warmUp.warmUp(model);

    assertThat(UI.getCurrent()).isNull();
    assertThat(models.svgGraph(model)).contains("id=\"" + TopologyModels.GRAPH_ID + "\"");
  }
}
