package io.secureoverlay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.secureoverlay.agent.dataplane.SaCounters;
import io.secureoverlay.agent.dataplane.SaState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * A sandbox under test: steps that change something, each followed by convergence, a few rounds of
 * traffic after it, and the bar: zero packets lost in the step. Prints one line per step so a run
 * reads as a log of what happened to the traffic.
 */
final class SandboxRun implements AutoCloseable {

  static final Duration CONVERGE = Duration.ofSeconds(60);

  final SandboxCluster cluster;
  private final List<String> log = new ArrayList<>();
  private ApiRequestCounts countsBefore;
  private long stepStarted = System.nanoTime();

  SandboxRun(int nodes) {
    this(SandboxOptions.of(nodes));
  }

  SandboxRun(SandboxOptions options) {
    cluster = SandboxCluster.start(options);
    settle("start");
  }

  /** Waits for convergence and a few traffic rounds after it; asserts nothing was lost. */
  TrafficStats settle(String step) {
    awaitConverged();
    try {
      cluster.traffic().awaitRounds(3, Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    TrafficStats stats = cluster.traffic().takeInterval();
    long millis = (System.nanoTime() - stepStarted) / 1_000_000;
    stepStarted = System.nanoTime();
    String line = "[sandbox] " + step + " (" + millis + " ms): " + stats;
    log.add(line);
    System.out.println(line);
    assertThat(stats.lost()).as("packets lost during '%s': %s", step, stats).isZero();
    return stats;
  }

  void awaitConverged() {
    try {
      cluster.convergence().await(CONVERGE);
    } catch (TimeoutException e) {
      throw new AssertionError(e.getMessage() + "; traffic " + cluster.traffic().total(), e);
    }
  }

  /** Waits until the plan's transition reaches {@code step}. */
  void awaitStep(String step) {
    await()
        .atMost(CONVERGE)
        .pollInterval(Duration.ofMillis(10))
        .until(
            () -> {
              var status = cluster.overlay().getStatus();
              return status != null
                  && status.getTransition() != null
                  && step.equals(status.getTransition().step());
            });
  }

  /** Lets {@code n} more rounds of traffic pass: time measured in packets, not sleeps. */
  void rounds(long n) {
    try {
      cluster.traffic().awaitRounds(n, CONVERGE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every node's SAs (without their traffic counters, which move with every packet) and policies as
   * they are now.
   */
  java.util.Map<String, List<Object>> dataplanes() {
    java.util.Map<String, List<Object>> all = new java.util.TreeMap<>();
    for (String node : cluster.nodeNames()) {
      all.put(node, installed(node));
    }
    return all;
  }

  List<Object> installed(String node) {
    List<Object> state = new ArrayList<>();
    for (SaState sa : cluster.dataplane(node).dumpSas()) {
      state.add(
          new SaState(
              sa.id(),
              sa.source(),
              sa.selector(),
              sa.mode(),
              sa.reqid(),
              sa.cipher(),
              sa.icv(),
              sa.keyFingerprint(),
              sa.replayWindow(),
              sa.lifetimes(),
              SaCounters.ZERO));
    }
    state.addAll(cluster.dataplane(node).dumpPolicies());
    return state;
  }

  /** Starts counting API requests for one transition. */
  void countFromHere() {
    countsBefore = cluster.apiCounts();
  }

  /** API requests since {@link #countFromHere()}. */
  ApiRequestCounts counted() {
    return cluster.apiCounts().since(countsBefore);
  }

  void assertNothingLostInTotal() {
    TrafficStats total = cluster.traffic().total();
    System.out.println("[sandbox] total: " + total);
    assertThat(total.lost()).as("packets lost in the whole run: %s", total).isZero();
    assertThat(total.sent()).isPositive();
  }

  @Override
  public void close() {
    cluster.close();
  }
}
