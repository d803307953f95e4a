package io.secureoverlay.sandbox;

import io.secureoverlay.logging.ProcessLogging;
import io.secureoverlay.protocol.SecureOverlay;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts a sandbox cluster and keeps it running until Ctrl-C, printing the API server's address
 * (for {@code kubectl --server}) and, every five seconds, the plan's phase and revision and the
 * traffic of the last five seconds. The only argument is the number of nodes (default 6): {@code
 * sandbox/run.sh 6}. Enable it as an operator would: {@code kubectl --server URL patch
 * secureoverlay default --type merge -p '{"spec":{"enabled":true}}'}.
 */
public final class SandboxMain {

  private SandboxMain() {}

  public static void main(String[] args) throws InterruptedException {
    ProcessLogging.useProcessDefaults();
    int nodes = 6;
    if (args.length > 0) {
      try {
        nodes = Integer.parseInt(args[0].trim());
      } catch (NumberFormatException e) {
        System.err.println("error: the number of nodes must be a whole number, was " + args[0]);
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
    while (!stop.await(5, TimeUnit.SECONDS)) {
      System.out.println(line(cluster));
    }
  }

  private static String line(SandboxCluster cluster) {
    String plan;
    try {
      SecureOverlay overlay = cluster.overlay();
      plan =
          overlay == null || overlay.getStatus() == null
              ? "no plan yet"
              : "phase="
                  + overlay.getStatus().getPhase()
                  + " revision="
                  + overlay.getStatus().getPlanRevision();
    } catch (RuntimeException e) {
      plan = "API server unreachable";
    }
    return plan + " traffic: " + cluster.traffic().takeInterval();
  }
}
