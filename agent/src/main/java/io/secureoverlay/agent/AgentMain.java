package io.secureoverlay.agent;

import io.secureoverlay.agent.dataplane.Dataplane;
import io.secureoverlay.agent.dataplane.DataplaneException;
import io.secureoverlay.agent.dataplane.DataplaneFactory;
import io.secureoverlay.agent.kube.AgentVersion;
import io.secureoverlay.agent.kube.KubeAgentSettings;
import io.secureoverlay.agent.kube.KubeModeLauncher;
import io.secureoverlay.agent.kube.UnderlayMtuProbe;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The node agent's entry point, in one of two modes.
 *
 * <p>Kubernetes mode (the default, as the DaemonSet runs it):
 *
 * <pre>java -jar secureoverlay-agent.jar --node $NODE_NAME</pre>
 *
 * watches the {@code SecureOverlay} plan, the keys Secret and its own Node, keeps the data plane
 * matching the plan and reports in its {@code SecureOverlayNode} (see {@link
 * io.secureoverlay.agent.kube.KubeModeAgent}). The node name comes from {@code --node} or the
 * {@code NODE_NAME} environment variable (the downward API's {@code spec.nodeName}).
 *
 * <p>Static mode, for labs and hosts outside Kubernetes:
 *
 * <pre>java -jar secureoverlay-agent.jar --static-config /etc/secureoverlay/static.json</pre>
 *
 * keeps the data plane matching the file (format: {@link
 * io.secureoverlay.agent.staticconfig.StaticConfigParser}), reloads it when it changes and prints
 * one line per change.
 *
 * <p>SIGTERM in static mode removes everything the agent owns. In Kubernetes mode it only stops the
 * agent: the data plane stays for the next agent pod to adopt (a rolling update must not drop the
 * node's encrypted traffic), and state is removed through the plan (disable, node removed). Exit
 * codes: 0 done, 1 failed, 2 bad arguments or configuration.
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

  @Option(
      names = "--node",
      paramLabel = "NAME",
      description = "This node's name: in the static file, or in Kubernetes (default: $NODE_NAME).")
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

  @Option(
      names = "--heartbeat-seconds",
      defaultValue = "30",
      description = "Kubernetes mode: write the node status at least this often (default 30).")
  long heartbeatSeconds;

  @Option(
      names = "--interface-mtu",
      paramLabel = "BYTES",
      description =
          "Kubernetes mode: the underlay interface MTU to report (default: read from the"
              + " interface holding the node's address; 1500 with the simulated data plane).")
  Integer interfaceMtu;

  private Map<String, String> environment = Map.of();

  public static void main(String[] args) {
    ProcessLogging.useProcessDefaults();
    System.exit(
        run(args, System.out, System.err, DataplaneFactory.available(), System.getenv(), true));
  }

  /**
   * Runs the agent; returns the exit code. {@code untilSignalled} = false returns after the first
   * pass even without {@code --once}, and in Kubernetes mode once the arguments are checked (for
   * tests).
   */
  static int run(
      String[] args,
      PrintStream out,
      PrintStream err,
      List<DataplaneFactory> factories,
      boolean untilSignalled) {
    return run(args, out, err, factories, Map.of(), untilSignalled);
  }

  static int run(
      String[] args,
      PrintStream out,
      PrintStream err,
      List<DataplaneFactory> factories,
      Map<String, String> environment,
      boolean untilSignalled) {
    AgentMain main = new AgentMain();
    main.environment = environment;
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
    if (staticConfig == null) {
      return startKubernetesMode(err, factory.get(), untilSignalled);
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

  private int startKubernetesMode(
      PrintStream err, DataplaneFactory factory, boolean untilSignalled) {
    String nodeName = node != null ? node : environment.get("NODE_NAME");
    if (nodeName == null || nodeName.isBlank()) {
      err.println(
          "error: Kubernetes mode needs the node name: --node NAME or the NODE_NAME environment"
              + " variable (or run static mode with --static-config FILE)");
      return 2;
    }
    if (once) {
      err.println("error: --once applies to static mode only (--static-config FILE)");
      return 2;
    }
    if (heartbeatSeconds < 1) {
      err.println("error: --heartbeat-seconds must be at least 1");
      return 2;
    }
    if (interfaceMtu != null && (interfaceMtu < 68 || interfaceMtu > 65535)) {
      err.println("error: --interface-mtu " + interfaceMtu + " is not in 68..65535");
      return 2;
    }
    KubeAgentSettings settings =
        KubeAgentSettings.defaults(nodeName, AgentVersion.current())
            .withHeartbeat(Duration.ofSeconds(heartbeatSeconds))
            .withResync(Duration.ofSeconds(resyncSeconds));
    UnderlayMtuProbe mtu =
        interfaceMtu != null
            ? UnderlayMtuProbe.fixed(interfaceMtu)
            : factory == DataplaneFactory.SIMULATED
                ? UnderlayMtuProbe.fixed(1500)
                : UnderlayMtuProbe.host();
    if (!untilSignalled) {
      return 0;
    }
    try (Dataplane dp = factory.open()) {
      NodeReconciler reconciler =
          new NodeReconciler(
              dp,
              new DesiredXfrmBuilder(new PairKeyDeriver(), new SpiAllocator()),
              Clock.systemUTC(),
              settings.resync());
      return KubeModeLauncher.runUntilSignalled(dp, reconciler, settings, mtu);
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
