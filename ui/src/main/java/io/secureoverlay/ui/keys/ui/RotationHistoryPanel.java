package io.secureoverlay.ui.keys.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.secureoverlay.ui.cluster.TimeText;
import io.secureoverlay.ui.keys.RotationChartData;
import io.secureoverlay.ui.keys.RotationChartRenderer;
import io.secureoverlay.ui.keys.RotationHistory;
import io.secureoverlay.ui.keys.RotationRecord;
import java.time.Instant;
import java.util.List;

/**
 * Past rotations: a table, their convergence times and the last one's per-node acknowledgements.
 */
class RotationHistoryPanel extends Div {

  private static final long serialVersionUID = 1L;

  static final String ACK_DEFINITION =
      "Per-node acknowledgement time: for each node, the time from when this console first saw the"
          + " rotation start (status.transition of kind Rotate) to when it first saw the node report"
          + " status.observedPlanRevision at or above the revision the master required to end the"
          + " rotation (status.ackRevision of the last acknowledged step, RemoveRetired). It"
          + " includes the retire grace period every node waits out; the console sees updates at"
          + " most four times a second, so each time is late by up to about a quarter second plus"
          + " the watch delay. Convergence time is the master's own: status.lastRotationAt minus"
          + " status.transition.startedAt.";

  private final transient RotationHistory history;
  private final Grid<RotationRecord> grid = new Grid<>();
  private final RotationChartImage convergence;
  private final RotationChartImage acks;
  private List<RotationRecord> shown;
  private List<String> shownAges = List.of();
  private Instant now = Instant.EPOCH;

  RotationHistoryPanel(RotationHistory history, RotationChartRenderer renderer) {
    this.history = history;
    addClassNames("keys-card", "keys-history");
    Paragraph since =
        new Paragraph(
            "History since this console started ("
                + TimeText.absolute(history.since())
                + "), at most "
                + RotationHistory.KEPT
                + " rotations; earlier rotations are rebuilt from the master's Events while the"
                + " API server keeps them, without per-node times.");
    since.setId("rotation-history-since");
    since.addClassName("view-intro");
    convergence =
        new RotationChartImage(
            "rotation-convergence-chart", renderer, false, "rotation-convergence.png");
    acks = new RotationChartImage("rotation-ack-chart", renderer, true, "rotation-acks.png");
    Paragraph caption = new Paragraph(ACK_DEFINITION);
    caption.setId("rotation-ack-caption");
    caption.addClassName("keys-chart__caption");
    Div charts = new Div(convergence, acks, caption);
    charts.addClassName("keys-charts");
    add(new H3("Rotation history"), since, createGrid(), charts);
  }

  private Grid<RotationRecord> createGrid() {
    grid.setId("rotation-history");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
    grid.setAllRowsVisible(true);
    grid.setEmptyStateText("No rotation yet.");
    grid.addColumn(RotationRecord::epochs).setHeader("Epochs").setAutoWidth(true);
    grid.addColumn(new ComponentRenderer<>(r -> timeCell(r.startedAt())))
        .setHeader("Start")
        .setAutoWidth(true);
    grid.addColumn(new ComponentRenderer<>(r -> timeCell(r.endedAt())))
        .setHeader("End")
        .setAutoWidth(true);
    grid.addColumn(r -> r.completed() ? TimeText.precise(r.duration()) : "interrupted")
        .setHeader("Duration")
        .setAutoWidth(true);
    grid.addColumn(RotationRecord::nodes).setHeader("Nodes").setAutoWidth(true);
    grid.addColumn(RotationHistoryPanel::laggingText).setHeader("Lagging").setFlexGrow(1);
    grid.addColumn(r -> r.source() == RotationRecord.Source.WATCHED ? "watched" : "master's Events")
        .setHeader("Source")
        .setAutoWidth(true);
    return grid;
  }

  private Span timeCell(Instant at) {
    Span cell = new Span(TimeText.describe(at, now));
    cell.setTitle(TimeText.absolute(at));
    return cell;
  }

  private static String laggingText(RotationRecord r) {
    if (r.source() == RotationRecord.Source.EVENTS) {
      return "not in the Events";
    }
    return r.lagging().isEmpty() ? "none" : String.join(", ", r.lagging());
  }

  void show(Instant at) {
    now = at;
    List<RotationRecord> rotations = history.rotations();
    List<String> ages =
        rotations.stream()
            .map(r -> TimeText.describe(r.startedAt(), at) + TimeText.describe(r.endedAt(), at))
            .toList();
    if (rotations.equals(shown) && ages.equals(shownAges)) {
      return;
    }
    shownAges = ages;
    shown = rotations;
    grid.setItems(rotations);
    convergence.show(RotationChartData.convergence(rotations));
    acks.show(RotationChartData.acknowledgements(history.lastCompleted()));
  }
}
