package io.secureoverlay.ui.nodes.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import io.secureoverlay.sandbox.SandboxCluster;
import io.secureoverlay.ui.cluster.ClusterState;
import io.secureoverlay.ui.nodes.NodeRow;
import io.secureoverlay.ui.security.ConsoleRole;
import io.secureoverlay.ui.testing.ChangeControls;
import io.secureoverlay.ui.testing.KaribuSpringTest;
import io.secureoverlay.ui.topology.NodeHealth;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class NodesViewTest extends KaribuSpringTest {

  @Autowired private ClusterState state;
  @Autowired private SandboxCluster sandbox;

  private List<String> names;

  @BeforeEach
  void open() {
    await().atMost(Duration.ofMinutes(1)).until(() -> state.current().nodes().size() == 6);
    names = state.current().nodes().stream().map(n -> n.getMetadata().getName()).toList();
    openAs("nodes", "viewer", ConsoleRole.VIEWER);
    eventually(Duration.ofMinutes(1), () -> assertThat(GridKt._size(grid())).isEqualTo(6));
  }

  @SuppressWarnings("unchecked")
  private static Grid<NodeRow> grid() {
    return _get(Grid.class, spec -> spec.withId("nodes-grid"));
  }

  private static String count() {
    return _get(Div.class, spec -> spec.withId("nodes-count")).getText();
  }

  @Test
  void listsEverySandboxNodeWithItsReport() {
    Grid<NodeRow> grid = grid();

    assertThat(GridKt._size(grid)).isEqualTo(6);
    assertThat(count()).isEqualTo("Showing 6 of 6 nodes");
    NodeRow first = GridKt._get(grid, 0);
    assertThat(first.name()).isEqualTo(names.get(0));
    assertThat(first.interfaceMtu()).isEqualTo(1500);
    assertThat(first.tunnelMtu()).isEqualTo(1454);
    assertThat(first.underlayIp()).isNotBlank();
    assertThat(GridKt._getFormatted(grid, 0, "health")).isEqualTo("Healthy");
    assertThat(UI.getCurrent().getInternals().getTitle())
        .isEqualTo("Nodes \u00b7 sandbox (simulated) \u00b7 SecureOverlay");
    assertThat(ChangeControls.offeredIn(UI.getCurrent())).isEmpty();
  }

  @Test
  void theTextFilterNarrowsByNameOrIp() {
    String third = names.get(2);
    _setValue(_get(TextField.class, spec -> spec.withId("nodes-filter")), third);

    assertThat(GridKt._size(grid())).isEqualTo(1);
    assertThat(GridKt._get(grid(), 0).name()).isEqualTo(third);
    assertThat(count()).isEqualTo("Showing 1 of 6 nodes");

    String ip = GridKt._get(grid(), 0).underlayIp();
    _setValue(_get(TextField.class, spec -> spec.withId("nodes-filter")), ip);
    assertThat(GridKt._size(grid())).isEqualTo(1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theHealthFilterShowsOnlyThatHealth() {
    Select<NodeHealth> health = _get(Select.class, spec -> spec.withId("nodes-health-filter"));

    _setValue(health, NodeHealth.MISSING);
    assertThat(GridKt._size(grid())).isZero();
    assertThat(count()).isEqualTo("Showing 0 of 6 nodes");

    _setValue(health, NodeHealth.HEALTHY);
    assertThat(GridKt._size(grid())).isEqualTo(6);
  }

  private static java.util.Optional<Div> notice() {
    return com.github.mvysny.kaributesting.v10.LocatorJ._find(
            Div.class, spec -> spec.withId("nodes-disconnected"))
        .stream()
        .filter(Div::isVisible)
        .findFirst();
  }

  @Test
  void anUnreachableApiServerIsAnnouncedOverTheLastKnownNodes() {
    assertThat(notice()).isEmpty();

    sandbox.apiDown();
    try {
      eventually(Duration.ofMinutes(1), () -> assertThat(notice()).isPresent());
      assertThat(notice().get().getText())
          .contains("cannot be reached: showing last known state, which may be out of date");
      assertThat(notice().get().getElement().getAttribute("role")).isEqualTo("alert");
      assertThat(GridKt._size(grid())).as("the last known nodes stay listed").isEqualTo(6);
    } finally {
      sandbox.apiUp();
    }

    eventually(Duration.ofMinutes(1), () -> assertThat(notice()).isEmpty());
  }

  @Test
  void sortAndFilterSurviveALiveUpdate() {
    Grid<NodeRow> grid = grid();
    grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("name"), SortDirection.DESCENDING)));
    _setValue(_get(TextField.class, spec -> spec.withId("nodes-filter")), "-");
    assertThat(GridKt._get(grid, 0).name()).isEqualTo(names.get(5));

    NodesView view = _get(NodesView.class);
    view.render(state.current());

    assertThat(view.sortOrder()).hasSize(1);
    assertThat(GridKt._get(grid, 0).name()).isEqualTo(names.get(5));
    assertThat(_get(TextField.class, spec -> spec.withId("nodes-filter")).getValue())
        .isEqualTo("-");
    assertThat(GridKt._size(grid)).isEqualTo(6);
  }

  @Test
  void clickingARowOpensThatNodesDetails() {
    GridKt._clickItem(grid(), 3, 0, false, false, false, false);

    Dialog details = _get(Dialog.class, spec -> spec.withId("node-details"));
    assertThat(details.isOpened()).isTrue();
    assertThat(details.getHeaderTitle()).isEqualTo("Node " + names.get(3));
    assertThat(details.getElement().getTextRecursively())
        .contains("Underlay IP")
        .contains("Interface MTU1500")
        .contains("Tunnel MTU1454")
        .contains("Traffic per epoch")
        .contains("/proc/net/xfrm_stat");
  }
}
