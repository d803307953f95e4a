package io.secureoverlay.ui.nodes.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.secureoverlay.ui.base.ClusterIdentity;
import io.secureoverlay.ui.base.ControlEffect;
import io.secureoverlay.ui.base.MainLayout;
import io.secureoverlay.ui.base.PageTitles;
import io.secureoverlay.ui.cluster.ApiUnreachableNotice;
import io.secureoverlay.ui.cluster.ClusterSnapshot;
import io.secureoverlay.ui.cluster.ClusterState;
import io.secureoverlay.ui.cluster.LiveSnapshots;
import io.secureoverlay.ui.nodes.NodeFilter;
import io.secureoverlay.ui.nodes.NodeRow;
import io.secureoverlay.ui.topology.NodeHealth;
import io.secureoverlay.ui.topology.TopologyModel;
import io.secureoverlay.ui.topology.TopologyModels;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;

/**
 * Every node in one sortable, filterable table; a click on a row opens the node's details. Live:
 * each new snapshot replaces the rows in place, so the sort, the filter and the scroll position
 * stay as the operator left them. Read-only for every role.
 */
@Route(value = "nodes", layout = MainLayout.class)
@Menu(order = 30, icon = "vaadin:server", title = "Nodes")
@PermitAll
public class NodesView extends VerticalLayout implements HasDynamicTitle {

  private static final long serialVersionUID = 1L;

  private final ClusterIdentity cluster;
  private final transient TopologyModels models;
  private final List<NodeRow> rows = new ArrayList<>();
  private final ListDataProvider<NodeRow> provider = new RowsByName(rows);
  private final Grid<NodeRow> grid = NodesGrid.create();
  private final TextField textFilter = new TextField();
  private final Select<NodeHealth> healthFilter = new Select<>();
  private final Div shownCount = new Div();
  private final ApiUnreachableNotice disconnected = new ApiUnreachableNotice("nodes-disconnected");
  private final NodeDetailsDialog details = new NodeDetailsDialog();
  private NodeFilter filter = NodeFilter.ALL;
  private transient TopologyModel model;

  public NodesView(ClusterState state, TopologyModels models, ClusterIdentity cluster) {
    this.cluster = cluster;
    this.models = models;
    addClassName("nodes-view");
    setPadding(true);
    setSizeFull();
    grid.setItems(provider);
    grid.addItemClickListener(click -> openDetails(click.getItem().name()));
    shownCount.setId("nodes-count");
    shownCount.addClassName("nodes-count");
    add(disconnected, createHeader(), createFilters(), shownCount, grid);
    setFlexGrow(1, grid);
    LiveSnapshots.bind(this, state, this::render);
  }

  private static Div createHeader() {
    H2 title = new H2("Nodes");
    Paragraph intro =
        new Paragraph(
            "What every node's agent reports: health, epochs installed, traffic, errors, MTUs and"
                + " heartbeat. Click a row for the node's details.");
    intro.addClassName("view-intro");
    return new Div(title, intro);
  }

  private HorizontalLayout createFilters() {
    textFilter.setId("nodes-filter");
    textFilter.setLabel("Filter");
    textFilter.setPlaceholder("name or underlay IP");
    textFilter.setClearButtonVisible(true);
    textFilter.setValueChangeMode(ValueChangeMode.LAZY);
    textFilter.addValueChangeListener(e -> applyFilter(filter.withText(e.getValue())));
    healthFilter.setId("nodes-health-filter");
    healthFilter.setLabel("Health");
    healthFilter.setItems(NodeHealth.values());
    healthFilter.setEmptySelectionAllowed(true);
    healthFilter.setEmptySelectionCaption("All");
    healthFilter.setItemLabelGenerator(h -> h == null ? "All" : h.label());
    healthFilter.addValueChangeListener(e -> applyFilter(filter.withHealth(e.getValue())));
    HorizontalLayout filters =
        new HorizontalLayout(ControlEffect.local(textFilter), ControlEffect.local(healthFilter));
    filters.addClassName("nodes-filters");
    return filters;
  }

  private void applyFilter(NodeFilter next) {
    filter = next;
    provider.setFilter(filter::test);
    updateCount();
  }

  void render(ClusterSnapshot snapshot) {
    disconnected.show(snapshot);
    model = models.model(snapshot);
    rows.clear();
    model.nodes().forEach(node -> rows.add(NodeRow.of(node, model.judgedAt())));
    // Same provider, same grid: refreshAll keeps the sort order, the filter and the scroll.
    provider.refreshAll();
    updateCount();
    details.update(model);
  }

  private void updateCount() {
    long shown = rows.stream().filter(filter).count();
    shownCount.setText("Showing " + shown + " of " + rows.size() + " nodes");
  }

  void openDetails(String nodeName) {
    if (model != null) {
      details.show(model, nodeName);
    }
  }

  /** The grid's sort order, for tests and for keeping it across updates. */
  List<GridSortOrder<NodeRow>> sortOrder() {
    return grid.getSortOrder();
  }

  @Override
  public String getPageTitle() {
    return PageTitles.of("Nodes", cluster);
  }

  /** Rows are the same node across updates when their names are the same. */
  private static final class RowsByName extends ListDataProvider<NodeRow> {
    private static final long serialVersionUID = 1L;

    RowsByName(List<NodeRow> rows) {
      super(rows);
    }

    @Override
    public Object getId(NodeRow row) {
      return row.name();
    }
  }
}
