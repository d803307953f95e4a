package io.secureoverlay.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureoverlay.protocol.NodeSet;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgGraphRendererTest {

  private final SvgGraphRenderer renderer = new SvgGraphRenderer();

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Element> withAttribute(Document document, String tag, String attribute) {
    NodeList all = document.getElementsByTagName(tag);
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      if (element.hasAttribute(attribute)) {
        found.add(element);
      }
    }
    return found;
  }

  @Test
  void sixNodesAreSixClickableGroupsAndFifteenLinks() throws Exception {
    Document svg = parse(renderer.render(SyntheticCluster.encrypted(6).model(), "topology-svg"));

    assertThat(svg.getDocumentElement().getAttribute("id")).isEqualTo("topology-svg");
    assertThat(withAttribute(svg, "g", "data-node"))
        .extracting(g -> g.getAttribute("data-node"))
        .containsExactly("node-000", "node-001", "node-002", "node-003", "node-004", "node-005");
    assertThat(withAttribute(svg, "line", "data-pair"))
        .hasSize(15)
        .allSatisfy(
            line -> assertThat(line.getAttribute("data-pair")).isEqualTo("ENCRYPTED_BOTH_WAYS"));
  }

  @Test
  void linksAreColouredByStateAndNodesByHealth() throws Exception {
    SyntheticCluster base = SyntheticCluster.encrypted(4);
    TopologyModel model =
        base.edit(0, s -> s.setEnforcingFrom(base.indices(1)))
            .edit(1, s -> s.setEncryptingTo(NodeSet.empty()))
            .withoutReport(3)
            .model();

    Document svg = parse(renderer.render(model, "topology-svg"));

    List<Element> groups = withAttribute(svg, "g", "stroke");
    assertThat(groups)
        .anySatisfy(
            g -> {
              assertThat(g.getAttribute("class")).contains("topology-links--broken");
              assertThat(g.getAttribute("stroke")).isEqualTo(PairState.BROKEN.cssColour());
              assertThat(g.getElementsByTagName("line").getLength()).isEqualTo(1);
            });
    Element missing =
        withAttribute(svg, "g", "data-node").stream()
            .filter(g -> g.getAttribute("data-node").equals("node-003"))
            .findFirst()
            .orElseThrow();
    Element circle = (Element) missing.getElementsByTagName("circle").item(0);
    assertThat(circle.getAttribute("stroke")).isEqualTo(NodeHealth.MISSING.cssColour());
    assertThat(missing.getTextContent()).contains("node-003: Missing");
  }

  @Test
  void nodeNamesAreEscaped() throws Exception {
    assertThat(SvgGraphRenderer.escape("a<b>&\"c'")).isEqualTo("a&lt;b&gt;&amp;&quot;c&#39;");
  }

  @Test
  void refusesMoreThanFiftyNodes() {
    TopologyModel model = SyntheticCluster.encrypted(51).model();

    assertThatThrownBy(() -> renderer.render(model, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("51 nodes");
  }
}
