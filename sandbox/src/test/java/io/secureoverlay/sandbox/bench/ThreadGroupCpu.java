package io.secureoverlay.sandbox.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of every thread of this process, Java and native (JIT compiler, collector), summed by
 * the shape of the names Linux gives them (the first 15 characters, digits dropped: every
 * "sandbox-agents-N" is one group), read from {@code /proc/self/task}. Splits a transition's JVM
 * CPU into agents, mock API server, clients, master, traffic, compiler and collector. Threads that
 * end between two snapshots take their time with them. Empty where there is no {@code /proc}.
 */
record ThreadGroupCpu(Map<String, Long> ticksByGroup) {

  /** Linux reports thread times in clock ticks of 1/100 s on every platform we run on. */
  private static final double SECONDS_PER_TICK = 0.01;

  static ThreadGroupCpu now() {
    Map<String, Long> byGroup = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      tasks.forEach(task -> addTask(task, byGroup));
    } catch (IOException e) {
      return new ThreadGroupCpu(Map.of());
    }
    return new ThreadGroupCpu(byGroup);
  }

  private static void addTask(Path task, Map<String, Long> byGroup) {
    try {
      String stat = Files.readString(task.resolve("stat"));
      // "tid (comm) state ..." where comm may hold spaces and parentheses: split at the last ')'.
      int open = stat.indexOf('(');
      int close = stat.lastIndexOf(')');
      String comm = stat.substring(open + 1, close);
      String[] fields = stat.substring(close + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
      byGroup.merge(comm.replaceAll("\\d+", "#"), ticks, Long::sum);
    } catch (IOException | RuntimeException e) {
      // The thread ended while we looked: its time is gone either way.
    }
  }

  /** CPU seconds per group since {@code before}, largest first, as "group=s" pairs. */
  String since(ThreadGroupCpu before, int top) {
    Map<String, Double> seconds = new HashMap<>();
    ticksByGroup.forEach(
        (g, t) -> {
          double s = (t - before.ticksByGroup.getOrDefault(g, 0L)) * SECONDS_PER_TICK;
          if (s > 0) {
            seconds.put(g, s);
          }
        });
    List<Map.Entry<String, Double>> largest =
        seconds.entrySet().stream()
            .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
            .limit(top)
            .toList();
    double shown = largest.stream().mapToDouble(Map.Entry::getValue).sum();
    double all = seconds.values().stream().mapToDouble(d -> d).sum();
    return largest.stream()
            .map(e -> String.format("%s=%.1f", e.getKey(), e.getValue()))
            .collect(Collectors.joining(" "))
        + String.format(" others=%.1f", all - shown);
  }
}
