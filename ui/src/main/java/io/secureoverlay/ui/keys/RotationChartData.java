package io.secureoverlay.ui.keys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One rotation chart shaped for drawing: bars with labels, the axis they are measured on, and what
 * to say when there is nothing to draw.
 *
 * @param title the chart's heading
 * @param valueAxis the unit of the bars, e.g. "seconds"
 * @param bars in drawing order
 * @param emptyMessage shown in place of bars when there are none
 */
public record RotationChartData(
    String title, String valueAxis, List<Bar> bars, String emptyMessage) {

  /** Above this many nodes the acknowledgement chart becomes a histogram. */
  static final int MAX_NODE_BARS = 40;

  static final int HISTOGRAM_BUCKETS = 12;

  static final String NO_ROTATION = "No rotation yet";

  /** One bar. */
  public record Bar(String label, double value) {}

  public RotationChartData {
    bars = List.copyOf(bars);
  }

  /** Seconds from start to end of each completed rotation, oldest on the left. */
  public static RotationChartData convergence(List<RotationRecord> newestFirst) {
    List<Bar> bars = new ArrayList<>();
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      RotationRecord r = newestFirst.get(i);
      if (r.completed()) {
        bars.add(new Bar(r.epochs(), seconds(r.duration())));
      }
    }
    return new RotationChartData(
        "Convergence time per rotation (start to end)", "seconds", bars, NO_ROTATION);
  }

  /**
   * Each node's acknowledgement time in the rotation, fastest first; a histogram of nodes per time
   * bucket when there are more than {@link #MAX_NODE_BARS} nodes.
   */
  public static RotationChartData acknowledgements(Optional<RotationRecord> last) {
    if (last.isEmpty()) {
      return new RotationChartData(
          "Per-node acknowledgement time", "seconds", List.of(), NO_ROTATION);
    }
    RotationRecord r = last.get();
    String title = "Per-node acknowledgement time, rotation " + r.epochs();
    List<NodeAck> acks = r.acks();
    if (acks.isEmpty()) {
      return new RotationChartData(
          title,
          "seconds",
          List.of(),
          "No per-node times for this rotation: the console did not watch it from its start");
    }
    if (acks.size() <= MAX_NODE_BARS) {
      List<Bar> bars = acks.stream().map(a -> new Bar(a.node(), seconds(a.after()))).toList();
      return new RotationChartData(title, "seconds", bars, NO_ROTATION);
    }
    return new RotationChartData(
        title + " (nodes per time bucket)", "nodes", histogram(acks), NO_ROTATION);
  }

  private static List<Bar> histogram(List<NodeAck> acks) {
    double min = acks.stream().mapToDouble(a -> seconds(a.after())).min().orElse(0);
    double max = acks.stream().mapToDouble(a -> seconds(a.after())).max().orElse(0);
    double width = Math.max((max - min) / HISTOGRAM_BUCKETS, 0.001);
    int[] counts = new int[HISTOGRAM_BUCKETS];
    for (NodeAck a : acks) {
      int bucket = (int) ((seconds(a.after()) - min) / width);
      counts[Math.min(bucket, HISTOGRAM_BUCKETS - 1)]++;
    }
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < HISTOGRAM_BUCKETS; i++) {
      String label =
          String.format(Locale.ROOT, "%.1f\u2013%.1f s", min + i * width, min + (i + 1) * width);
      bars.add(new Bar(label, counts[i]));
    }
    return bars;
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
