package io.secureoverlay.sandbox.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.secureoverlay.agent.kube.AgentProgress;
import io.secureoverlay.logging.ProcessLogging;
import io.secureoverlay.sandbox.ApiRequestCounts;
import io.secureoverlay.sandbox.SandboxCluster;
import io.secureoverlay.sandbox.SandboxOptions;
import io.secureoverlay.sandbox.TrafficStats;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Enable and one rotation on sandbox clusters of several sizes: wall time from the operator's spec
 * change to convergence, API writes per node per transition as the mock server counted them, and
 * how many full agent passes the transition cost. Not a test (timings depend on the machine): run
 * it by name, see {@code sandbox/bench/README.md}. Prints one table row per size.
 */
public final class ControlPlaneBenchmark {

  private static final Duration TIMEOUT = Duration.ofMinutes(20);

  /**
   * Disable, enable and rotate cycles after the first round; the last one is reported as "again".
   * At a thousand nodes the JIT compiler still spends 7-10 CPU-s per transition on its backlog in
   * the first cycle and about 1 in the third: the third is what a long-running cluster sees.
   */
  static final int WARM_CYCLES = 3;

  /** One transition's figures. */
  record Transition(
      double seconds,
      double writesPerNode,
      long maxWrites,
      long masterWrites,
      long planWrites,
      double passes,
      double agentCpuMsMean,
      double agentCpuMsMax,
      double jvmCpuSeconds,
      double gcPauseSeconds) {}

  /**
   * One size's figures: the first enable and rotation after start, and the same again in the last
   * of {@link #WARM_CYCLES} disable, enable and rotate cycles, once the JIT compiler has caught up
   * (what a long-running cluster sees).
   */
  record Row(
      int nodes,
      double startSeconds,
      Transition enable,
      Transition rotate,
      Transition disable,
      Transition enableAgain,
      Transition rotateAgain,
      TrafficStats t) {}

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
      System.out.println(header());
      System.out.println(format(row));
    }
    System.out.println();
    System.out.printf(
        "cores=%d, collector %s, max heap %d MB, %s, load average before: %s, after: %s%n",
        Runtime.getRuntime().availableProcessors(),
        collectors(),
        Runtime.getRuntime().maxMemory() >> 20,
        heapPages(),
        loadBefore,
        loadAverage());
    System.out.println(header());
    rows.forEach(r -> System.out.println(format(r)));
  }

  /** The JVM's collectors by name, so a figure says what it was measured with. */
  private static String collectors() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName)
        .collect(Collectors.joining(" + "));
  }

  /** How the heap's memory is mapped, by the JVM's flags, so a figure says that too. */
  private static String heapPages() {
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    boolean huge = Boolean.parseBoolean(vm.getVMOption("UseTransparentHugePages").getValue());
    boolean preTouched = Boolean.parseBoolean(vm.getVMOption("AlwaysPreTouch").getValue());
    return (huge ? "transparent huge pages" : "4 KB pages")
        + (preTouched ? ", pre-touched" : ", touched on first use");
  }

  static Row run(int n) throws TimeoutException {
    long t = System.nanoTime();
    try (SandboxCluster cluster = SandboxCluster.start(SandboxOptions.of(n))) {
      cluster.convergence().await(TIMEOUT);
      double start = (System.nanoTime() - t) / 1e9;
      Runnable enableWithEnforcement =
          () ->
              cluster.editSpec(
                  s -> {
                    s.setEnabled(true);
                    s.setEnforce(true);
                  });
      Transition enable = measure(cluster, "enable", enableWithEnforcement);
      Transition rotate = measure(cluster, "rotate", cluster::rotateNow);
      Transition disable = null;
      Transition enableAgain = null;
      Transition rotateAgain = null;
      for (int cycle = 1; cycle <= WARM_CYCLES; cycle++) {
        disable = measure(cluster, "cycle " + cycle + " disable", cluster::disable);
        enableAgain = measure(cluster, "cycle " + cycle + " enable", enableWithEnforcement);
        rotateAgain = measure(cluster, "cycle " + cycle + " rotate", cluster::rotateNow);
      }
      return new Row(
          n, start, enable, rotate, disable, enableAgain, rotateAgain, cluster.traffic().total());
    }
  }

  private static Transition measure(SandboxCluster cluster, String what, Runnable change)
      throws TimeoutException {
    int n = cluster.nodeNames().size();
    ApiRequestCounts before = cluster.apiCounts();
    long passesBefore = passes(cluster);
    Map<String, Long> cpuBefore = agentCpuNanos(cluster);
    long jvmCpuBefore = jvmCpuNanos();
    long gcBefore = gcPauseMillis();
    ThreadGroupCpu groupsBefore = ThreadGroupCpu.now();
    long t = System.nanoTime();
    change.run();
    cluster.convergence().await(TIMEOUT);
    double seconds = (System.nanoTime() - t) / 1e9;
    double jvmCpu = (jvmCpuNanos() - jvmCpuBefore) / 1e9;
    double gc = (gcPauseMillis() - gcBefore) / 1e3;
    System.out.printf(
        "n=%d %s %.2f s, jvm cpu %.1f s: %s%n",
        n, what, seconds, jvmCpu, ThreadGroupCpu.now().since(groupsBefore, 14));
    ApiRequestCounts c = cluster.apiCounts().since(before);
    long reports = c.writes("secureoverlaynodes");
    Map<String, Long> cpuAfter = agentCpuNanos(cluster);
    double[] cpuMs =
        cpuAfter.entrySet().stream()
            .mapToDouble(e -> (e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L)) / 1e6)
            .toArray();
    return new Transition(
        seconds,
        reports / (double) n,
        c.maxNodeReportWrites(),
        c.writes() - reports,
        c.writes("secureoverlays"),
        (passes(cluster) - passesBefore) / (double) n,
        java.util.Arrays.stream(cpuMs).average().orElse(0),
        java.util.Arrays.stream(cpuMs).max().orElse(0),
        jvmCpu,
        gc);
  }

  /**
   * CPU time of the whole JVM (every agent, the master, the mock API server, the collector), so a
   * transition's wall time can be set against the CPU the two cores had to give.
   */
  private static long jvmCpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /** Time the collectors report (for G1's young and mixed collections: their pauses). */
  private static long gcPauseMillis() {
    return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(b -> Math.max(0, b.getCollectionTime()))
        .sum();
  }

  /** Per node, the CPU time its agent's full passes have taken since start. */
  private static Map<String, Long> agentCpuNanos(SandboxCluster cluster) {
    Map<String, Long> cpu = new HashMap<>();
    cluster
        .agentProgress()
        .forEach((name, p) -> p.ifPresent(a -> cpu.put(name, a.fullPassCpuNanos())));
    return cpu;
  }

  private static long passes(SandboxCluster cluster) {
    return cluster.agentProgress().values().stream()
        .flatMap(Optional::stream)
        .mapToLong(AgentProgress::fullPasses)
        .sum();
  }

  static String header() {
    return String.format(
        "%6s | %9s | %8s %11s %6s %5s %6s %15s %7s %5s | %8s %11s %6s %5s %6s %15s %7s %5s"
            + " | %10s %4s",
        "nodes",
        "start/off",
        "enable s",
        "writes/node",
        "master",
        "plan",
        "passes",
        "agent cpu ms",
        "jvm cpu",
        "gc s",
        "rotate s",
        "writes/node",
        "master",
        "plan",
        "passes",
        "agent cpu ms",
        "jvm cpu",
        "gc s",
        "packets",
        "lost");
  }

  /**
   * Two lines: the first transitions after start, then "again" (the last warm cycle, whose disable
   * time is shown in the start column); packets and losses cover the whole run.
   */
  static String format(Row r) {
    return String.format(
        "%6d | %9.1f | %s | %s | %10d %4d%n%6s | %9.1f | %s | %s |",
        r.nodes(),
        r.startSeconds(),
        format(r.enable()),
        format(r.rotate()),
        r.t().sent(),
        r.t().lost(),
        "again",
        r.disable().seconds(),
        format(r.enableAgain()),
        format(r.rotateAgain()));
  }

  private static String format(Transition x) {
    return String.format(
        "%8.2f %6.2f (%2d) %6d %5d %6.2f %6.1f (%6.1f) %7.1f %5.1f",
        x.seconds(),
        x.writesPerNode(),
        x.maxWrites(),
        x.masterWrites(),
        x.planWrites(),
        x.passes(),
        x.agentCpuMsMean(),
        x.agentCpuMsMax(),
        x.jvmCpuSeconds(),
        x.gcPauseSeconds());
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
