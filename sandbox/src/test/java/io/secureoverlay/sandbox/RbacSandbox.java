package io.secureoverlay.sandbox;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.secureoverlay.agent.dataplane.SimulatedNetwork;
import io.secureoverlay.agent.kube.AgentProgress;
import io.secureoverlay.agent.kube.InformerClusterView;
import io.secureoverlay.agent.kube.KubeAgentSettings;
import io.secureoverlay.agent.kube.KubeModeAgent;
import io.secureoverlay.agent.kube.KubernetesNodeStatusGateway;
import io.secureoverlay.agent.kube.PlanCache;
import io.secureoverlay.agent.kube.UnderlayMtuProbe;
import io.secureoverlay.agent.reconcile.DesiredXfrmBuilder;
import io.secureoverlay.agent.reconcile.NodeReconciler;
import io.secureoverlay.crypto.PairKeyDeriver;
import io.secureoverlay.master.MasterController;
import io.secureoverlay.master.MasterSettings;
import io.secureoverlay.protocol.Conditions;
import io.secureoverlay.protocol.DurationParser;
import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.SecureOverlaySpec;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.protocol.StatusCondition;
import io.secureoverlay.protocol.Transition;
import io.secureoverlay.spi.SpiAllocator;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A small cluster for the RBAC test, built from the same parts as {@link SandboxCluster} (fabric8's
 * mock API server with the sandbox's CRUD dispatcher, the real {@link MasterController}, real
 * {@link KubeModeAgent}s on simulated data planes) but wired as production wires them: every master
 * replica and every agent has a client of its own, as its own pod would, and each client sends a
 * User-Agent naming it, so each recorded request can be charged to the service account that would
 * make it. (SandboxCluster's clients are indistinguishable at the server, and its agents may share
 * one client.) The agents are wired as {@code KubeModeLauncher} wires them.
 */
final class RbacSandbox implements AutoCloseable {

  static final String MASTER_CLIENT = "secureoverlay-master";
  static final String AGENT_CLIENT = "secureoverlay-agent";
  static final String OPERATOR_CLIENT = "rbac-test-operator";

  /** The mock server logs every request through java.util.logging at INFO. */
  private final Logger julQuiet = Logger.getLogger("io.fabric8.mockwebserver");

  private final RbacRecordingDispatcher dispatcher = new RbacRecordingDispatcher();
  private final KubernetesMockServer server;
  private final String url;
  private final SandboxClock clock = new SandboxClock();
  private final SimulatedNetwork network = new SimulatedNetwork();
  private final ScheduledExecutorService scheduler =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "rbac-sandbox-agents");
            t.setDaemon(true);
            return t;
          });
  private final List<KubernetesClient> clients = new ArrayList<>();
  private final List<MasterController> masters = new ArrayList<>();
  private final Map<String, KubeModeAgent> agents = new LinkedHashMap<>();
  private final List<InformerClusterView> views = new ArrayList<>();
  private final KubernetesClient operator;
  private final ClusterObjects objects;
  private Instant graceSkippedFor;

  RbacSandbox(int nodes, int masterReplicas) {
    julQuiet.setLevel(Level.WARNING);
    server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new MockWebServer(),
            new HashMap<>(),
            dispatcher,
            false);
    InetAddress host = InetAddress.getLoopbackAddress();
    server.start(host, 0);
    url = "http://" + host.getHostAddress() + ":" + server.getPort();
    operator = client(OPERATOR_CLIENT);
    objects = new ClusterObjects(operator);
    objects.installCrds();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      String name = SandboxAddresses.nodeName(i);
      objects.createNode(name, SandboxAddresses.underlay(i), SandboxAddresses.prefixLength(i));
      names.add(name);
    }
    objects.createOverlay();
    for (int i = 0; i < masterReplicas; i++) {
      startMaster("secureoverlay-master-" + i);
    }
    for (int i = 0; i < nodes; i++) {
      startAgent(names.get(i), SandboxAddresses.underlay(i));
    }
  }

  private KubernetesClient client(String userAgent) {
    KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder()
                    .withMasterUrl(url)
                    .withUserAgent(userAgent)
                    .withWatchReconnectInterval(100)
                    .withRequestRetryBackoffLimit(0)
                    .withRequestTimeout(10_000)
                    .build())
            .build();
    clients.add(client);
    return client;
  }

  /** As {@code secureoverlay master --identity <pod name>} runs it, with short Lease timings. */
  private void startMaster(String identity) {
    MasterSettings settings =
        MasterSettings.defaults(identity)
            .withLeaseTimings(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(250))
            .withResyncInterval(Duration.ofMillis(500));
    MasterController master =
        new MasterController(client(MASTER_CLIENT + "/" + identity), settings, clock);
    master.start();
    masters.add(master);
  }

  /** As {@code KubeModeLauncher} runs an agent: its own client, view, gateway and plan cache. */
  private void startAgent(String node, InetAddress underlay) {
    KubernetesClient client = client(AGENT_CLIENT + "/" + node);
    InformerClusterView view = InformerClusterView.forNode(client, node);
    views.add(view);
    var dataplane = network.node(underlay);
    KubeModeAgent agent =
        new KubeModeAgent(
            view,
            new KubernetesNodeStatusGateway(client),
            new NodeReconciler(
                dataplane, new DesiredXfrmBuilder(new PairKeyDeriver(), new SpiAllocator()), clock),
            dataplane,
            KubeAgentSettings.defaults(node, "rbac-test"),
            UnderlayMtuProbe.fixed(1500),
            scheduler,
            clock,
            new PlanCache());
    agent.start();
    agents.put(node, agent);
  }

  void editSpec(Consumer<SecureOverlaySpec> change) {
    objects.editSpec(change);
  }

  SecureOverlay overlay() {
    return objects.overlay();
  }

  /**
   * What keeps the cluster from being settled, in words; empty once the plan has no transition, its
   * phase is what the spec asks, Ready is true, and every agent applied the plan's revision. Moves
   * the clock over a rotation's retire grace period, as the sandbox's Convergence does.
   */
  List<String> unsettled() {
    SecureOverlay overlay = overlay();
    SecureOverlayStatus status = overlay.getStatus();
    if (status == null || status.getPlanRevision() == null) {
      return List.of("no plan published");
    }
    List<String> missing = new ArrayList<>();
    Transition t = status.getTransition();
    if (t != null) {
      missing.add("transition " + t.kind() + " at step " + t.step());
      if (Convergence.RETIRE_GRACE_STEP.equals(t.step())
          && t.stepStartedAt() != null
          && !t.stepStartedAt().equals(graceSkippedFor)) {
        clock.advance(DurationParser.parse(overlay.getSpec().getRetireGracePeriod()));
        graceSkippedFor = t.stepStartedAt();
      }
    }
    if (!overlay.getMetadata().getGeneration().equals(status.getObservedGeneration())) {
      missing.add("generation " + overlay.getMetadata().getGeneration() + " not observed");
    }
    String token = overlay.getSpec().getRotateNowToken();
    if (token != null && !token.equals(status.getHandledRotateNowToken())) {
      missing.add("rotateNowToken not handled");
    }
    OverlayPhase wanted =
        Boolean.TRUE.equals(overlay.getSpec().getEnabled())
            ? OverlayPhase.ENABLED
            : OverlayPhase.DISABLED;
    if (status.getPhase() != wanted) {
      missing.add("phase " + status.getPhase() + ", want " + wanted);
    }
    if (!Conditions.find(status.getConditions(), StatusCondition.READY)
        .map(StatusCondition::isTrue)
        .orElse(false)) {
      missing.add("Ready is not True");
    }
    agents.forEach(
        (node, agent) -> {
          AgentProgress p = agent.progress();
          if (!p.inSync()
              || p.appliedRevision().isEmpty()
              || p.appliedRevision().getAsLong() != status.getPlanRevision()) {
            missing.add(node + " not at plan revision " + status.getPlanRevision());
          }
        });
    return missing;
  }

  /** Every agent's orderly stop (SIGTERM): removes its data plane state. */
  void shutdownAgents() {
    agents.values().forEach(KubeModeAgent::shutdown);
  }

  List<RbacRequest> requests() {
    return dispatcher.requests();
  }

  @Override
  public void close() {
    agents.values().forEach(KubeModeAgent::close);
    views.forEach(InformerClusterView::close);
    masters.forEach(MasterController::close);
    clients.forEach(KubernetesClient::close);
    scheduler.shutdownNow();
    server.shutdown();
    dispatcher.close();
  }
}
