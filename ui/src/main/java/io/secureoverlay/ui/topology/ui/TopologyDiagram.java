package io.secureoverlay.ui.topology.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.DomEvent;
import io.secureoverlay.ui.topology.HeatmapRenderer;
import io.secureoverlay.ui.topology.SvgGraphRenderer;
import io.secureoverlay.ui.topology.TopologyModel;
import io.secureoverlay.ui.topology.TopologyModels;
import io.secureoverlay.ui.topology.TopologyNode;
import java.text.NumberFormat;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The picture of the cluster: an SVG graph up to {@link SvgGraphRenderer#MAX_NODES} nodes, a PNG
 * pair matrix above (a thousand nodes would be a million SVG elements). A click on a node in the
 * graph, or on a row of the matrix, names that node to the listeners. Needs no Spring: give it a
 * model and it draws.
 */
public class TopologyDiagram extends Div {

  private static final long serialVersionUID = 1L;

  /** Event data: the name of the node group the click landed in, '' outside any node. */
  public static final String NODE_UNDER_CLICK =
      "event.target.closest('[data-node]') ? "
          + "event.target.closest('[data-node]').getAttribute('data-node') : ''";

  /** Event data: where in the displayed image the click landed, and how high it is displayed. */
  public static final String OFFSET_Y = "event.offsetY";

  public static final String DISPLAYED_HEIGHT = "element.clientHeight";

  private final transient Function<TopologyModel, String> svgSource;
  private final transient Function<TopologyModel, byte[]> pngSource;
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private final Div graph = new Div();
  private final Div matrix = new Div();
  private final Image heatmap = new Image();
  private final Paragraph axisHint = new Paragraph();
  private transient TopologyModel shown;
  private String shownSvg = "";

  /** Draws graphs and pair matrices itself. */
  public TopologyDiagram() {
    this(
        model -> new SvgGraphRenderer().render(model, TopologyModels.GRAPH_ID),
        new HeatmapRenderer()::renderPng);
  }

  /**
   * Takes SVG graphs (with id {@link TopologyModels#GRAPH_ID}) from {@code svgSource} and pair
   * matrix PNGs from {@code pngSource}: caches shared by every tab.
   */
  public TopologyDiagram(
      Function<TopologyModel, String> svgSource, Function<TopologyModel, byte[]> pngSource) {
    this.svgSource = svgSource;
    this.pngSource = pngSource;
    addClassName("topology-diagram");
    graph.setId("topology-graph");
    graph.addClassName("topology-graph");
    graph.getElement().addEventListener("click", this::graphClicked).addEventData(NODE_UNDER_CLICK);
    heatmap.setId("topology-heatmap");
    heatmap.addClassName("topology-heatmap");
    heatmap
        .getElement()
        .addEventListener("click", this::heatmapClicked)
        .addEventData(OFFSET_Y)
        .addEventData(DISPLAYED_HEIGHT);
    axisHint.setId("topology-axis-hint");
    axisHint.addClassName("topology-axis-hint");
    matrix.addClassName("topology-matrix");
    matrix.add(axisHint, heatmap);
    add(graph, matrix);
  }

  /** Calls {@code listener} with the name of every node the user clicks. */
  public void addNodeClickListener(Consumer<String> listener) {
    listeners.add(listener);
  }

  public void show(TopologyModel model) {
    boolean asGraph = model.size() <= SvgGraphRenderer.MAX_NODES;
    graph.setVisible(asGraph);
    matrix.setVisible(!asGraph);
    if (asGraph) {
      String svg = svgSource.apply(model);
      if (!svg.equals(shownSvg)) {
        graph.getElement().setProperty("innerHTML", svg);
        shownSvg = svg;
      }
    } else if (!model.samePicture(shown) || heatmap.getSrc() == null) {
      showMatrix(model);
    }
    shown = model;
  }

  /** The SVG markup shown, empty while the matrix is shown. */
  public String svgMarkup() {
    return graph.isVisible() ? shownSvg : "";
  }

  private void showMatrix(TopologyModel model) {
    // Inline, as a data URL: the picture arrives in the same update as the page instead of in a
    // second request the browser makes only after applying it, which was most of the first-paint
    // time at 1,000 nodes. One pixel per pair in a few colours compresses to a few kB.
    byte[] png = pngSource.apply(model);
    heatmap.setSrc("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
    int side = HeatmapRenderer.side(model.size());
    heatmap.setWidth(side + "px");
    heatmap.setAlt("Pair matrix of " + model.size() + " nodes: " + model.pairCountsSummary());
    List<TopologyNode> nodes = model.nodes();
    NumberFormat format = NumberFormat.getIntegerInstance(Locale.ENGLISH);
    axisHint.setText(
        "Rows and columns are the "
            + format.format(nodes.size())
            + " nodes in name order, "
            + nodes.get(0).name()
            + " first (top, left) to "
            + nodes.get(nodes.size() - 1).name()
            + " last (bottom, right); each cell is one pair, the diagonal shows each node's"
            + " health. Click a row to open that node.");
  }

  private void graphClicked(DomEvent event) {
    String name =
        event.getEventData().hasKey(NODE_UNDER_CLICK)
            ? event.getEventData().getString(NODE_UNDER_CLICK)
            : "";
    if (name != null && !name.isEmpty()) {
      fire(name);
    }
  }

  private void heatmapClicked(DomEvent event) {
    if (shown == null) {
      return;
    }
    int row =
        HeatmapRenderer.rowAt(
            event.getEventData().getNumber(OFFSET_Y),
            event.getEventData().getNumber(DISPLAYED_HEIGHT),
            shown.size());
    if (row >= 0) {
      fire(shown.nodes().get(row).name());
    }
  }

  private void fire(String name) {
    listeners.forEach(listener -> listener.accept(name));
  }
}
