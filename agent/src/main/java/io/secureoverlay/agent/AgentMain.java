package io.secureoverlay.agent;

import io.secureoverlay.agent.dataplane.Dataplane;
import io.secureoverlay.agent.dataplane.DataplaneException;
import io.secureoverlay.agent.dataplane.DataplaneFactory;
import io.secureoverlay.agent.reconcile.DesiredXfrmBuilder;
import io.secureoverlay.agent.reconcile.NodeReconciler;
import io.secureoverlay.agent.staticconfig.StaticConfigException;
import io.secureoverlay.agent.staticconfig.StaticModeAgent;
import io.secureoverlay.crypto.PairKeyDeriver;
import io.secureoverlay.logging.ProcessLogging;
import io.secureoverlay.spi.SpiAllocator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The node agent's entry point. Static mode, for labs and hosts outside Kubernetes:
 *
 * <pre>java -jar secureoverlay-agent.jar --static-config /etc/secureoverlay/static.json</pre>
 *
 * keeps the data plane matching the file (format: {@link
 * io.secureoverlay.agent.staticconfig.StaticConfigParser}), reloads it when it changes, prints one
 * line per change, and on SIGTERM removes everything it owns. Exit codes: 0 done, 1 failed, 2 bad
 * arguments or configuration.
 */
@Command(
    name = "secureoverlay-agent",
    mixinStandardHelpOptions = true,
    description = "SecureOverlay node agent: ESP for Calico IPIP traffic between nodes.")
public final class AgentMain {

  @Option(
      names = "--static-config",
      paramLabel = "FILE",
      description = "Static mode: the JSON file describing nodes, epochs and what to install.")
  Path staticConfig;

  @Option(names = "--node", paramLabel = "NAME", description = "This node's name in the file.")
  String node;

  @Option(
      names = "--dataplane",
      paramLabel = "KIND",
      defaultValue = "kernel",
      description = "kernel (default) or simulated (in memory: a dry run).")
  String dataplane;

  @Option(
      names = "--poll-seconds",
      defaultValue = "2",
      description = "How often to check the file for changes (default 2).")
  long pollSeconds;

  @Option(
      names = "--resync-seconds",
      defaultValue = "60",
      description = "Reconcile at least this often, repairing drift (default 60).")
  long resyncSeconds;

  @Option(names = "--once", description = "Reconcile once and exit, leaving the state installed.")
  boolean once;

  public static void main(String[] args) {
    ProcessLogging.useProcessDefaults();
    System.exit(run(args, System.out, System.err, DataplaneFactory.available(), true));
  }

  /**
   * Runs the agent; returns the exit code. {@code untilSignalled} = false returns after the first
   * pass even without {@code --once} (for tests).
   */
  static int run(
      String[] args,
      PrintStream out,
      PrintStream err,
      List<DataplaneFactory> factories,
      boolean untilSignalled) {
    AgentMain main = new AgentMain();
    CommandLine cli = new CommandLine(main);
    try {
      CommandLine.ParseResult parsed = cli.parseArgs(args);
      if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
        cli.usage(out);
        return 0;
      }
    } catch (CommandLine.ParameterException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    return main.start(out, err, factories, untilSignalled);
  }

  private int start(
      PrintStream out, PrintStream err, List<DataplaneFactory> factories, boolean untilSignalled) {
    if (staticConfig == null) {
      err.println(
          "error: --static-config FILE is required (the Kubernetes mode is not in this build)");
      return 2;
    }
    if (pollSeconds < 1 || resyncSeconds < 1) {
      err.println("error: --poll-seconds and --resync-seconds must be at least 1");
      return 2;
    }
    Optional<DataplaneFactory> factory = DataplaneFactory.named(factories, dataplane);
    if (factory.isEmpty()) {
      err.println(
          "error: --dataplane "
              + dataplane
              + " is not available; available: "
              + factories.stream().map(DataplaneFactory::name).collect(Collectors.joining(", ")));
      return 2;
    }
    Clock clock = Clock.systemUTC();
    try (Dataplane dp = factory.get().open()) {
      NodeReconciler reconciler =
          new NodeReconciler(
              dp, new DesiredXfrmBuilder(new PairKeyDeriver(), new SpiAllocator()), clock);
      StaticModeAgent agent =
          new StaticModeAgent(
              staticConfig,
              Optional.ofNullable(node),
              reconciler,
              clock,
              Duration.ofSeconds(resyncSeconds),
              out,
              err,
              dp::xfrmStatistics);
      try {
        agent.check();
      } catch (StaticConfigException e) {
        err.println("error: " + staticConfig + ": " + e.getMessage());
        return 2;
      } catch (IOException e) {
        err.println("error: cannot read " + staticConfig + ": " + e.getClass().getSimpleName());
        return 2;
      }
      if (once || !untilSignalled) {
        return agent.poll() == StaticModeAgent.PollResult.RECONCILED ? 0 : 1;
      }
      return runUntilSignalled(agent);
    } catch (DataplaneException e) {
      err.println("error: data plane " + dataplane + ": " + e.getMessage());
      return 1;
    }
  }

  /** Polls until SIGTERM/SIGINT; the shutdown hook then removes everything owned. */
  private int runUntilSignalled(StaticModeAgent agent) {
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch removed = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.countDown();
                  try {
                    agent.removeAll();
                  } finally {
                    removed.countDown();
                  }
                },
                "secureoverlay-shutdown"));
    try {
      do {
        agent.poll();
      } while (!stop.await(pollSeconds, TimeUnit.SECONDS));
      removed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
