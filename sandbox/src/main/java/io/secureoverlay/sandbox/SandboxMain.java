package io.secureoverlay.sandbox;

import io.secureoverlay.logging.ProcessLogging;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a sandbox cluster and keeps it running until Ctrl-C, printing the API server's address
 * (for {@code kubectl --server}) and, every few seconds, the plan's phase and the traffic figures:
 *
 * <pre>
 *   ./mvnw -q -pl sandbox -am compile exec:java \
 *       -Dexec.mainClass=io.secureoverlay.sandbox.SandboxMain -Dexec.args="6"
 * </pre>
 *
 * The only argument is the number of nodes (default 6). Enable it like an operator would: {@code
 * kubectl --server URL patch secureoverlay default --type merge -p '{"spec":{"enabled":true}}'}.
 */
public final class SandboxMain {

  private SandboxMain() {}

  public static void main(String[] args) throws InterruptedException {
    ProcessLogging.useProcessDefaults();
    int nodes = 6;
    if (args.length > 0) {
      try {
        nodes = Integer.parseInt(args[0]);
      } catch (NumberFormatException e) {
        System.err.println(
            "error: the number of nodes must be a whole number, was '" + args[0] + "'");
        System.exit(2);
      }
    }
    if (nodes < 1 || nodes > 5000) {
      System.err.println("error: the number of nodes must be 1..5000, was " + nodes);
      System.exit(2);
    }
    long started = System.nanoTime();
    SandboxCluster cluster = SandboxCluster.start(SandboxOptions.of(nodes));
    System.out.printf(
        "sandbox: %d nodes up in %d ms; API server %s%n",
        nodes, (System.nanoTime() - started) / 1_000_000, cluster.apiUrl());
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  cluster.close();
                  stop.countDown();
                },
                "sandbox-shutdown"));
    while (!stop.await(
        Duration.ofSeconds(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      var status = cluster.overlay() == null ? null : cluster.overlay().getStatus();
      System.out.printf(
          "phase=%s revision=%s traffic: %s%n",
          status == null ? "-" : status.getPhase(),
          status == null ? "-" : status.getPlanRevision(),
          cluster.traffic().takeInterval());
    }
  }
}
