package io.secureoverlay.ui.keys.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.secureoverlay.ui.cluster.ClusterSnapshot;
import io.secureoverlay.ui.cluster.TimeText;
import io.secureoverlay.ui.keys.EpochRow;
import java.time.Instant;
import java.util.List;

/** The plan's live epochs: state, age, fingerprint and how many nodes reached each stage. */
class EpochsPanel extends Div {

  private static final long serialVersionUID = 1L;
  private static final String NONE = "\u2014";

  private final Grid<EpochRow> grid = new Grid<>();
  private final Span currentEpoch = new Span(NONE);
  private List<EpochRow> shownRows = List.of();
  private List<String> shownAges = List.of();
  private Instant now = Instant.EPOCH;

  EpochsPanel() {
    addClassNames("keys-card", "keys-epochs");
    currentEpoch.setId("current-epoch-number");
    currentEpoch.addClassName("keys-current-epoch__number");
    Div current = new Div(new Span("Current outbound epoch: "), currentEpoch);
    current.addClassName("keys-current-epoch");
    Paragraph intro =
        new Paragraph(
            "Each epoch is one cluster key. Fingerprints identify keys without revealing them;"
                + " counts are nodes that reached the stage out of the nodes in the plan.");
    intro.addClassName("view-intro");
    add(new H3("Live epochs"), intro, current, createGrid());
  }

  private Grid<EpochRow> createGrid() {
    grid.setId("epochs-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
    grid.setAllRowsVisible(true);
    grid.setEmptyStateText("No epoch: encryption is off.");
    grid.addColumn(new ComponentRenderer<>(this::numberCell))
        .setKey("epoch")
        .setHeader("Epoch")
        .setAutoWidth(true);
    grid.addColumn(EpochRow::stateLabel).setHeader("State").setAutoWidth(true);
    grid.addColumn(new ComponentRenderer<>(this::createdCell))
        .setHeader("Created")
        .setAutoWidth(true);
    grid.addColumn(EpochRow::fingerprint)
        .setHeader("Fingerprint")
        .setClassNameGenerator(row -> "keys-fingerprint")
        .setFlexGrow(1);
    grid.addColumn(EpochRow::inboundReadyText).setHeader("Inbound-ready").setAutoWidth(true);
    grid.addColumn(EpochRow::encryptingText).setHeader("Encrypting").setAutoWidth(true);
    grid.setPartNameGenerator(row -> row.current() ? "current-epoch" : null);
    return grid;
  }

  private Span numberCell(EpochRow row) {
    Span cell = new Span(String.valueOf(row.number()));
    if (row.current()) {
      Span badge = new Span("current outbound");
      badge.getElement().getThemeList().add("badge success small");
      cell.add(new Span(" "), badge);
    }
    return cell;
  }

  private Span createdCell(EpochRow row) {
    if (row.createdAt() == null) {
      return new Span("unknown");
    }
    Span cell = new Span(TimeText.describe(row.createdAt(), now));
    cell.setTitle(TimeText.absolute(row.createdAt()));
    return cell;
  }

  void show(ClusterSnapshot snapshot) {
    now = snapshot.takenAt();
    List<EpochRow> rows = EpochRow.of(snapshot.status().orElse(null));
    List<String> ages =
        rows.stream()
            .map(r -> r.createdAt() == null ? "" : TimeText.describe(r.createdAt(), now))
            .toList();
    if (!rows.equals(shownRows) || !ages.equals(shownAges)) {
      // Only on a change: re-setting identical items would make the grid flicker four times a
      // second.
      grid.setItems(rows);
      shownRows = rows;
      shownAges = ages;
    }
    currentEpoch.setText(
        rows.stream()
            .filter(EpochRow::current)
            .map(r -> String.valueOf(r.number()))
            .findFirst()
            .orElse(NONE));
  }
}
