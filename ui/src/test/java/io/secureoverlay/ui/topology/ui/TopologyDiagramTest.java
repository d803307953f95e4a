package io.secureoverlay.ui.topology.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.dom.Element;
import elemental.json.Json;
import elemental.json.JsonObject;
import io.secureoverlay.ui.topology.SyntheticCluster;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The diagram on its own, from synthetic snapshots: no Spring, no sandbox. */
class TopologyDiagramTest {

  private final List<String> clicked = new ArrayList<>();
  private TopologyDiagram diagram;

  @BeforeEach
  void setUp() {
    MockVaadin.setup();
    diagram = new TopologyDiagram();
    diagram.addNodeClickListener(clicked::add);
    UI.getCurrent().add(diagram);
  }

  @AfterEach
  void tearDown() {
    MockVaadin.tearDown();
  }

  private Element child(String id) {
    return descendants(diagram.getElement())
        .filter(e -> id.equals(e.getAttribute("id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no element #" + id));
  }

  private static Stream<Element> descendants(Element element) {
    return Stream.concat(Stream.of(element), element.getChildren().flatMap(c -> descendants(c)));
  }

  private static void click(Element element, JsonObject data) {
    ElementUtilsKt._fireDomEvent(element, new DomEvent(element, "click", data));
  }

  @Test
  void sixtyNodesAreAPairMatrixImageNotSvg() throws IOException {
    diagram.show(SyntheticCluster.encrypted(60).model());

    Element heatmap = child("topology-heatmap");
    assertThat(heatmap.isVisible()).isTrue();
    assertThat(heatmap.getParent().isVisible()).isTrue();
    String src = heatmap.getAttribute("src");
    assertThat(src).startsWith("data:image/png;base64,");
    BufferedImage png =
        ImageIO.read(
            new ByteArrayInputStream(
                Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()))));
    assertThat(png).as("the inlined pair matrix decodes as a PNG").isNotNull();
    assertThat(png.getWidth()).isEqualTo(png.getHeight()).isGreaterThanOrEqualTo(60);
    assertThat(heatmap.getAttribute("alt")).contains("60 nodes").contains("1,770 pairs");
    assertThat(child("topology-graph").isVisible()).isFalse();
    assertThat(diagram.svgMarkup()).isEmpty();
    assertThat(child("topology-axis-hint").getText())
        .contains("60 nodes in name order")
        .contains("node-000 first")
        .contains("node-059 last");
  }

  @Test
  void aClickOnAMatrixRowOpensThatRowsNode() {
    diagram.show(SyntheticCluster.encrypted(60).model());
    Element heatmap = child("topology-heatmap");

    JsonObject atFullSize = Json.createObject();
    atFullSize.put(TopologyDiagram.OFFSET_Y, 7 * 13 + 3);
    atFullSize.put(TopologyDiagram.DISPLAYED_HEIGHT, 780);
    click(heatmap, atFullSize);
    JsonObject scaledToHalf = Json.createObject();
    scaledToHalf.put(TopologyDiagram.OFFSET_Y, 389);
    scaledToHalf.put(TopologyDiagram.DISPLAYED_HEIGHT, 390);
    click(heatmap, scaledToHalf);

    assertThat(clicked).containsExactly("node-007", "node-059");
  }

  @Test
  void sixNodesAreAnSvgGraphWhoseNodeGroupsAreClickable() {
    diagram.show(SyntheticCluster.encrypted(6).model());
    Element graph = child("topology-graph");

    assertThat(graph.isVisible()).isTrue();
    assertThat(child("topology-heatmap").getParent().isVisible()).isFalse();
    assertThat(graph.getProperty("innerHTML")).contains("id=\"topology-svg\"");

    JsonObject onNode = Json.createObject();
    onNode.put(TopologyDiagram.NODE_UNDER_CLICK, "node-004");
    click(graph, onNode);
    JsonObject besideNodes = Json.createObject();
    besideNodes.put(TopologyDiagram.NODE_UNDER_CLICK, "");
    click(graph, besideNodes);

    assertThat(clicked).containsExactly("node-004");
  }

  @Test
  void growingPastFiftyNodesSwitchesFromGraphToMatrix() {
    diagram.show(SyntheticCluster.encrypted(50).model());
    assertThat(child("topology-graph").isVisible()).isTrue();

    diagram.show(SyntheticCluster.encrypted(51).model());

    assertThat(child("topology-graph").isVisible()).isFalse();
    assertThat(child("topology-heatmap").getParent().isVisible()).isTrue();
  }
}
