package io.secureoverlay.ui.topology.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.secureoverlay.ui.base.ClusterIdentity;
import io.secureoverlay.ui.base.MainLayout;
import io.secureoverlay.ui.base.PageTitles;
import io.secureoverlay.ui.cluster.ApiUnreachableNotice;
import io.secureoverlay.ui.cluster.ClusterSnapshot;
import io.secureoverlay.ui.cluster.ClusterState;
import io.secureoverlay.ui.cluster.LiveSnapshots;
import io.secureoverlay.ui.nodes.ui.NodeDetailsDialog;
import io.secureoverlay.ui.topology.NodeHealth;
import io.secureoverlay.ui.topology.TopologyModel;
import io.secureoverlay.ui.topology.TopologyModels;
import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live topology: which node pairs are encrypted, one-way, plaintext or broken, and how each
 * node is doing. A graph for small clusters, a pair matrix for large ones; a click on a node opens
 * its details. Read-only for every role.
 */
@Route(value = "topology", layout = MainLayout.class)
@Menu(order = 20, icon = "vaadin:cluster", title = "Topology")
@PermitAll
public class TopologyView extends VerticalLayout implements HasDynamicTitle {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(TopologyView.class);

  private final ClusterIdentity cluster;
  private final transient TopologyModels models;
  private final Div counts = new Div();
  private final ApiUnreachableNotice connection = new ApiUnreachableNotice("topology-connection");
  private final TopologyDiagram diagram;
  private final NodeDetailsDialog details = new NodeDetailsDialog();
  private transient TopologyModel model;
  private long createdNanos;

  public TopologyView(ClusterState state, TopologyModels models, ClusterIdentity cluster) {
    createdNanos = System.nanoTime();
    this.cluster = cluster;
    this.models = models;
    addClassName("topology-view");
    setPadding(true);
    diagram = new TopologyDiagram(models::svgGraph, models::heatmapPng);
    diagram.addNodeClickListener(this::openDetails);
    counts.setId("topology-counts");
    counts.addClassName("topology-counts");
    add(createHeader(), connection, counts, diagram, new TopologyLegend());
    LiveSnapshots.bind(this, state, this::render);
  }

  private static Div createHeader() {
    H2 title = new H2("Topology");
    Paragraph intro =
        new Paragraph(
            "Every pair of nodes and whether the pod traffic between them is encrypted, as the"
                + " nodes' agents report it. Click a node for what its agent has installed.");
    intro.addClassName("view-intro");
    return new Div(title, intro);
  }

  private void render(ClusterSnapshot snapshot) {
    long started = System.nanoTime();
    model = models.model(snapshot);
    long modelled = System.nanoTime();
    connection.show(snapshot);
    counts.setText(model.pairCountsSummary() + ". " + healthSummary(model));
    diagram.show(model);
    details.update(model);
    if (createdNanos != 0) {
      // Where a first paint's server time goes: view construction, model, picture.
      long done = System.nanoTime();
      LOG.debug(
          "event=topology_first_render nodes={} construct_ms={} model_ms={} draw_ms={}",
          model.size(),
          (started - createdNanos) / 1_000_000,
          (modelled - started) / 1_000_000,
          (done - modelled) / 1_000_000);
      createdNanos = 0;
    }
  }

  /** "1,000 nodes: 998 healthy, 1 lagging, 1 unhealthy, 0 missing." */
  static String healthSummary(TopologyModel model) {
    Map<NodeHealth, Long> health = model.healthCounts();
    NumberFormat format = NumberFormat.getIntegerInstance(Locale.ENGLISH);
    return format.format(model.size())
        + (model.size() == 1 ? " node: " : " nodes: ")
        + Stream.of(
                NodeHealth.HEALTHY, NodeHealth.LAGGING, NodeHealth.UNHEALTHY, NodeHealth.MISSING)
            .map(h -> format.format(health.get(h)) + " " + h.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "))
        + ".";
  }

  /** What a click on a node does; the diagram's DOM listeners call it with the node's name. */
  void openDetails(String nodeName) {
    if (model != null) {
      details.show(model, nodeName);
    }
  }

  @Override
  public String getPageTitle() {
    return PageTitles.of("Topology", cluster);
  }
}
