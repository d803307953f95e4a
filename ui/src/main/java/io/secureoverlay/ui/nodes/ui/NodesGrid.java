package io.secureoverlay.ui.nodes.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.function.ValueProvider;
import io.secureoverlay.ui.cluster.TimeText;
import io.secureoverlay.ui.nodes.NodeRow;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;

/** The nodes table's columns: every one sortable, absent figures shown as "–" and sorted last. */
final class NodesGrid {

  private static final String ABSENT = "\u2013";

  private NodesGrid() {}

  static Grid<NodeRow> create() {
    Grid<NodeRow> grid = new Grid<>();
    grid.setId("nodes-grid");
    grid.addClassName("nodes-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.setMultiSort(true);
    NumberFormat format = NumberFormat.getIntegerInstance(Locale.ENGLISH);
    grid.addColumn(NodeRow::name)
        .setHeader("Name")
        .setKey("name")
        .setComparator(NodeRow::name)
        .setAutoWidth(true)
        .setFrozen(true);
    grid.addColumn(row -> row.healthState().label())
        .setHeader("Health")
        .setKey("health")
        .setComparator(Comparator.comparing(NodeRow::healthState))
        .setPartNameGenerator(
            row -> "nodes-grid__health--" + row.healthState().name().toLowerCase(Locale.ROOT))
        .setTooltipGenerator(row -> String.join("; ", row.health().reasons()))
        // Auto width measures the cells, not the header with its sort arrows: "Health" got cut.
        .setWidth("8em")
        .setFlexGrow(0);
    text(grid, "underlayIp", "Underlay IP", NodeRow::underlayIp);
    grid.addColumn(NodeRow::inboundEpochsText)
        .setHeader("Inbound epochs")
        .setKey("inboundEpochs")
        .setComparator(Comparator.comparing(NodeRow::inboundEpochsText))
        .setAutoWidth(true);
    number(grid, "outboundEpoch", "Outbound epoch", NodeRow::outboundEpoch, format);
    grid.addColumn(row -> row.enforce() == null ? ABSENT : row.enforce() ? "yes" : "no")
        .setHeader("Enforce")
        .setKey("enforce")
        .setComparator(
            Comparator.comparing(NodeRow::enforce, Comparator.nullsLast(Comparator.naturalOrder())))
        .setWidth("7.5em")
        .setFlexGrow(0);
    number(grid, "packetsIn", "Packets in", NodeRow::packetsIn, format);
    number(grid, "packetsOut", "Packets out", NodeRow::packetsOut, format);
    number(grid, "errors", "Errors (xfrm_stat)", NodeRow::errors, format);
    number(grid, "interfaceMtu", "Interface MTU", NodeRow::interfaceMtu, format);
    number(grid, "tunnelMtu", "Tunnel MTU", NodeRow::tunnelMtu, format);
    grid.addColumn(NodeRow::heartbeatAge)
        .setHeader("Heartbeat")
        .setKey("heartbeat")
        .setComparator(
            Comparator.comparing(
                NodeRow::heartbeat, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())))
        .setTooltipGenerator(
            row -> row.heartbeat() == null ? "never" : TimeText.absolute(row.heartbeat()))
        .setAutoWidth(true);
    text(grid, "agentVersion", "Agent version", NodeRow::agentVersion);
    return grid;
  }

  private static void text(
      Grid<NodeRow> grid, String key, String header, ValueProvider<NodeRow, String> value) {
    grid.addColumn(row -> value.apply(row) == null ? ABSENT : value.apply(row))
        .setHeader(header)
        .setKey(key)
        .setComparator(
            Comparator.comparing(value::apply, Comparator.nullsLast(Comparator.naturalOrder())))
        .setAutoWidth(true);
  }

  private static <N extends Number & Comparable<N>> void number(
      Grid<NodeRow> grid,
      String key,
      String header,
      ValueProvider<NodeRow, N> value,
      NumberFormat format) {
    grid.addColumn(row -> value.apply(row) == null ? ABSENT : format.format(value.apply(row)))
        .setHeader(header)
        .setKey(key)
        .setComparator(
            Comparator.comparing(value::apply, Comparator.nullsLast(Comparator.naturalOrder())))
        .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END)
        .setAutoWidth(true);
  }
}
