package io.secureoverlay.ui.topology.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.DomEvent;
import elemental.json.Json;
import elemental.json.JsonObject;
import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.sandbox.SandboxCluster;
import io.secureoverlay.ui.cluster.ClusterState;
import io.secureoverlay.ui.security.ConsoleRole;
import io.secureoverlay.ui.testing.ChangeControls;
import io.secureoverlay.ui.testing.KaribuSpringTest;
import io.secureoverlay.ui.topology.NodeHealth;
import io.secureoverlay.ui.topology.PairState;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class TopologyViewTest extends KaribuSpringTest {

  @Autowired private ClusterState state;
  @Autowired private SandboxCluster sandbox;

  private static String text(String id) {
    return _get(Div.class, spec -> spec.withId(id)).getElement().getTextRecursively();
  }

  /** Waits, letting pushed snapshots reach the mocked UI, until the counts line says so. */
  private static void awaitCounts(String expected, Duration atMost) {
    eventually(atMost, () -> assertThat(text("topology-counts")).contains(expected));
  }

  private void openSixNodeSandbox() {
    await().atMost(Duration.ofMinutes(1)).until(() -> state.current().nodes().size() == 6);
    openAs("topology", "viewer", ConsoleRole.VIEWER);
    awaitCounts("6 nodes: 6 healthy", Duration.ofMinutes(1));
  }

  private static List<String> nodeGroups(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    NodeList groups = document.getElementsByTagName("g");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if (g.hasAttribute("data-node")) {
        names.add(g.getAttribute("data-node"));
      }
    }
    return names;
  }

  @Test
  void theSixNodeSandboxIsAnSvgGraphWithALegend() throws Exception {
    openSixNodeSandbox();

    Div graph = _get(Div.class, spec -> spec.withId("topology-graph"));
    String svg = graph.getElement().getProperty("innerHTML");
    assertThat(svg).contains("id=\"topology-svg\"");
    assertThat(nodeGroups(svg))
        .hasSize(6)
        .containsExactlyElementsOf(
            state.current().nodes().stream().map(n -> n.getMetadata().getName()).toList());
    String legend = text("topology-legend");
    for (PairState pair : PairState.values()) {
      assertThat(legend).contains(pair.label());
    }
    for (NodeHealth health : NodeHealth.values()) {
      assertThat(legend).contains(health.label());
    }
    assertThat(text("topology-counts")).contains("pairs encrypted both ways").contains("0 broken");
    assertThat(UI.getCurrent().getInternals().getTitle())
        .isEqualTo("Topology \u00b7 sandbox (simulated) \u00b7 SecureOverlay");
  }

  @Test
  void clickingANodeOpensItsDetailsWithItsMtus() {
    openSixNodeSandbox();
    String name = state.current().nodes().get(2).getMetadata().getName();

    Div graph = _get(Div.class, spec -> spec.withId("topology-graph"));
    JsonObject data = Json.createObject();
    data.put(TopologyDiagram.NODE_UNDER_CLICK, name);
    ElementUtilsKt._fireDomEvent(
        graph.getElement(), new DomEvent(graph.getElement(), "click", data));

    Dialog details = _get(Dialog.class, spec -> spec.withId("node-details"));
    assertThat(details.isOpened()).isTrue();
    assertThat(details.getHeaderTitle()).isEqualTo("Node " + name);
    assertThat(details.getElement().getTextRecursively())
        .contains("Interface MTU1500")
        .contains("Tunnel MTU1454")
        .contains("Agent version")
        .contains("Heartbeat");
    // A viewer may look at everything, but is offered nothing that changes the cluster.
    assertThat(ChangeControls.offeredIn(UI.getCurrent())).isEmpty();
  }

  @Test
  void afterEnablingEveryLinkIsEncryptedBothWays() throws Exception {
    openSixNodeSandbox();
    try {
      sandbox.enable();

      awaitCounts("15 pairs encrypted both ways, 0 encrypted one way only", Duration.ofMinutes(2));

      assertThat(text("topology-counts")).contains("0 plaintext, 0 broken");
      String svg =
          _get(Div.class, spec -> spec.withId("topology-graph"))
              .getElement()
              .getProperty("innerHTML");
      assertThat(svg)
          .contains("topology-links--encrypted-both-ways")
          .doesNotContain("topology-links--plaintext");
    } finally {
      sandbox.disable();
      await()
          .atMost(Duration.ofMinutes(2))
          .until(
              () ->
                  state.current().phase() == OverlayPhase.DISABLED
                      && sandbox.convergence().converged());
      awaitCounts("0 pairs encrypted both ways", Duration.ofMinutes(1));
    }
  }
}
