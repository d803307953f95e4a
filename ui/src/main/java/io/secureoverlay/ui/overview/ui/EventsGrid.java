package io.secureoverlay.ui.overview.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import io.fabric8.kubernetes.api.model.Event;
import io.secureoverlay.ui.cluster.TimeText;
import io.secureoverlay.ui.overview.TransitionTracker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The master's recent Events, newest first: transitions started and completed, steps, warnings. The
 * same lines {@code kubectl describe secureoverlay default} prints.
 */
class EventsGrid extends Div {

  private static final long serialVersionUID = 1L;

  /** The grid shows this many; older ones are in the API server (and the audit view). */
  static final int SHOWN = 50;

  /** How often unchanged rows are redrawn so that "12 s ago" keeps telling the truth. */
  private static final Duration AGE_REFRESH = Duration.ofSeconds(10);

  private final Grid<Event> grid = new Grid<>();
  private final transient Supplier<Instant> now;
  private List<String> shownKeys = List.of();
  private Instant drawnAt = Instant.EPOCH;

  EventsGrid(Supplier<Instant> now) {
    this.now = now;
    addClassNames("overview-section", "overview-events");
    grid.setId("recent-events");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.addComponentColumn(this::timeCell).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(e -> e.getType() == null ? "" : e.getType())
        .setHeader("Type")
        .setAutoWidth(true)
        .setFlexGrow(0)
        .setPartNameGenerator(e -> "Warning".equals(e.getType()) ? "event-warning" : null);
    grid.addColumn(e -> e.getReason() == null ? "" : e.getReason())
        .setHeader("Reason")
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(EventsGrid::messageOf)
        .setHeader("Message")
        .setFlexGrow(1)
        .setTextAlign(ColumnTextAlign.START)
        .setTooltipGenerator(EventsGrid::messageOf);
    grid.setEmptyStateText("The master has recorded no event yet.");
    grid.setHeight("22rem");
    add(new H3("Recent transitions and events"), grid);
  }

  /** Shows the newest events; leaves the grid alone when they have not changed. */
  void show(List<Event> events) {
    List<Event> newest = events.stream().limit(SHOWN).toList();
    List<String> keys = newest.stream().map(EventsGrid::key).toList();
    Instant now = this.now.get();
    if (keys.equals(shownKeys)) {
      if (Duration.between(drawnAt, now).compareTo(AGE_REFRESH) >= 0) {
        drawnAt = now;
        grid.getDataProvider().refreshAll();
      }
      return;
    }
    shownKeys = keys;
    drawnAt = now;
    grid.setItems(newest);
    // Auto widths are measured once, on the first render: before any event arrived, which left
    // the reason column too narrow for "EnableCompleted".
    grid.recalculateColumnWidths();
  }

  private static String messageOf(Event event) {
    return event.getMessage() == null ? "" : event.getMessage();
  }

  private Span timeCell(Event event) {
    Span cell = new Span();
    TransitionTracker.time(event)
        .ifPresent(
            at -> {
              cell.setText(TimeText.describe(at, now.get()));
              cell.getElement().setAttribute("title", TimeText.absolute(at));
            });
    return cell;
  }

  private static String key(Event event) {
    return event.getMetadata() == null
        ? String.valueOf(event.getMessage())
        : event.getMetadata().getName() + "@" + event.getMetadata().getResourceVersion();
  }
}
