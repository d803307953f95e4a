package io.secureoverlay.sandbox.bench;

import io.secureoverlay.logging.ProcessLogging;
import io.secureoverlay.sandbox.ApiRequestCounts;
import io.secureoverlay.sandbox.SandboxCluster;
import io.secureoverlay.sandbox.SandboxOptions;
import io.secureoverlay.sandbox.TrafficStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Enable and one rotation on sandbox clusters of several sizes: wall time from the operator's
 * spec change to convergence, and API writes per node per transition as the mock server counted
 * them. Not a test (timings depend on the machine): run it by name, see {@code
 * sandbox/bench/README.md}. Prints one table row per size.
 */
public final class ControlPlaneBenchmark {

  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  /** One size's figures. */
  record Row(
      int nodes,
      double startSeconds,
      double enableSeconds,
      double enableWritesPerNode,
      long enableMaxWrites,
      long enableMasterWrites,
      double rotateSeconds,
      double rotateWritesPerNode,
      long rotateMaxWrites,
      long rotateMasterWrites,
      TrafficStats traffic) {}

  private ControlPlaneBenchmark() {}

  public static void main(String[] args) throws Exception {
    ProcessLogging.useProcessDefaults();
    List<Integer> sizes = new ArrayList<>();
    for (String a : args.length == 0 ? new String[] {"100", "500", "1000"} : args) {
      for (String part : a.split(",")) {
        if (!part.isBlank()) {
          sizes.add(Integer.parseInt(part.trim()));
        }
      }
    }
    String loadBefore = loadAverage();
    List<Row> rows = new ArrayList<>();
    for (int n : sizes) {
      Row row = run(n);
      rows.add(row);
      System.out.println(format(row));
    }
    System.out.println();
    System.out.printf(
        "cores=%d, load average before: %s, after: %s%n",
        Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage());
    System.out.println(header());
    rows.forEach(r -> System.out.println(format(r)));
  }

  static Row run(int n) throws TimeoutException {
    long t = System.nanoTime();
    try (SandboxCluster cluster = SandboxCluster.start(SandboxOptions.of(n))) {
      cluster.convergence().await(TIMEOUT);
      double start = seconds(t);
      cluster.traffic().takeInterval();

      ApiRequestCounts before = cluster.apiCounts();
      t = System.nanoTime();
      cluster.editSpec(
          s -> {
            s.setEnabled(true);
            s.setEnforce(true);
          });
      cluster.convergence().await(TIMEOUT);
      double enable = seconds(t);
      ApiRequestCounts enableCounts = cluster.apiCounts().since(before);

      before = cluster.apiCounts();
      t = System.nanoTime();
      cluster.rotateNow();
      cluster.convergence().await(TIMEOUT);
      double rotate = seconds(t);
      ApiRequestCounts rotateCounts = cluster.apiCounts().since(before);

      return new Row(
          n,
          start,
          enable,
          perNode(enableCounts, n),
          enableCounts.maxNodeReportWrites(),
          masterWrites(enableCounts),
          rotate,
          perNode(rotateCounts, n),
          rotateCounts.maxNodeReportWrites(),
          masterWrites(rotateCounts),
          cluster.traffic().total());
    }
  }

  private static double perNode(ApiRequestCounts c, int n) {
    return c.writes("secureoverlaynodes") / (double) n;
  }

  private static long masterWrites(ApiRequestCounts c) {
    return c.writes() - c.writes("secureoverlaynodes");
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  static String header() {
    return String.format(
        "%6s | %7s | %9s %12s %6s | %9s %12s %6s | %12s %6s",
        "nodes", "start s", "enable s", "writes/node", "master", "rotate s", "writes/node",
        "master", "packets", "lost");
  }

  static String format(Row r) {
    return String.format(
        "%6d | %7.1f | %9.2f %7.2f (%2d) %6d | %9.2f %7.2f (%2d) %6d | %12d %6d",
        r.nodes(),
        r.startSeconds(),
        r.enableSeconds(),
        r.enableWritesPerNode(),
        r.enableMaxWrites(),
        r.enableMasterWrites(),
        r.rotateSeconds(),
        r.rotateWritesPerNode(),
        r.rotateMaxWrites(),
        r.rotateMasterWrites(),
        r.traffic().sent(),
        r.traffic().lost());
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
