package io.secureoverlay.sandbox;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.secureoverlay.agent.dataplane.SimulatedDataplane;
import io.secureoverlay.agent.dataplane.SimulatedNetwork;
import io.secureoverlay.agent.kube.InformerClusterView;
import io.secureoverlay.agent.kube.KubeAgentSettings;
import io.secureoverlay.agent.kube.KubernetesNodeStatusGateway;
import io.secureoverlay.agent.kube.PlanCache;
import io.secureoverlay.master.MasterSettings;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.SecureOverlayNode;
import io.secureoverlay.protocol.SecureOverlaySpec;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole SecureOverlay cluster in one process: fabric8's mock API server in CRUD mode on a local
 * port, the real master ({@link io.secureoverlay.master.MasterController}) and one real agent per
 * node on a {@link SimulatedDataplane}, all joined by one {@link SimulatedNetwork} and all talking
 * to the API server over HTTP. A {@link TrafficDriver} keeps pod-to-pod traffic flowing between
 * every pair, so loss during any transition is measured, not assumed.
 *
 * <p>Operations act the way their real counterparts do: the spec is changed through the API as an
 * operator would; nodes join and leave by their Node objects; agents and masters are killed without
 * clean-up; the API server goes away and comes back on the same port.
 */
public final class SandboxCluster implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxCluster.class);

  private final SandboxOptions options;
  private final SandboxClock clock = new SandboxClock();
  private final SandboxApiServer api;
  private final KubernetesClient operator;
  private final ClusterObjects objects;
  private final SimulatedNetwork network = new SimulatedNetwork();
  private final ScheduledExecutorService scheduler;
  private final ExecutorService clientTasks;
  private final SandboxAgent.Shared shared;
  private final Map<String, SandboxAgent> agents = new ConcurrentHashMap<>();
  private final Map<String, SandboxAgent> leaving = new ConcurrentHashMap<>();
  private final List<MasterReplica> masters = new ArrayList<>();
  private final AtomicInteger nextOrdinal = new AtomicInteger();
  private final AtomicInteger nextMaster = new AtomicInteger(1);
  private final java.util.concurrent.atomic.AtomicLong specGeneration =
      new java.util.concurrent.atomic.AtomicLong();
  private final TrafficDriver traffic;
  private final Convergence convergence;
  private final KubernetesClient sharedClient;
  private final InformerClusterView sharedView;
  private volatile List<InetAddress> trafficMembers = List.of();
  private SharedIndexInformer<SecureOverlay> overlayWatch;

  private SandboxCluster(SandboxOptions options) {
    this.options = options;
    this.api = new SandboxApiServer().start();
    this.operator = api.newClient(null);
    this.objects = new ClusterObjects(operator);
    ScheduledThreadPoolExecutor pool =
        new ScheduledThreadPoolExecutor(options.agentThreads(), daemon("sandbox-agents"));
    pool.setRemoveOnCancelPolicy(true);
    this.scheduler = pool;
    this.clientTasks = Executors.newFixedThreadPool(2, daemon("sandbox-watch-events"));
    if (options.sharedWatches()) {
      sharedClient = api.newClient(clientTasks);
      sharedView = InformerClusterView.forAllNodes(sharedClient);
    } else {
      sharedClient = null;
      sharedView = null;
    }
    this.shared =
        new SandboxAgent.Shared(
            api,
            Optional.ofNullable(sharedView),
            Optional.ofNullable(sharedClient).map(KubernetesNodeStatusGateway::new),
            clientTasks,
            new PlanCache(),
            scheduler,
            // No one else edits a simulated data plane, so there is no drift for a frequent resync
            // to repair; at a thousand agents a 60 s resync would be a pass every 60 ms.
            KubeAgentSettings.defaults("template", "sandbox").withResync(Duration.ofMinutes(10)),
            clock);
    this.traffic =
        new TrafficDriver(
            network,
            () -> trafficMembers,
            options.pairsPerRound(),
            options.trafficPause(),
            options.nodes() > SandboxOptions.SHARED_WATCHES_ABOVE ? 4 : 1,
            clock);
    this.convergence = new Convergence(this);
  }

  /** Builds and starts a cluster: CRDs, N Nodes, the disabled overlay, a master, N agents. */
  public static SandboxCluster start(SandboxOptions options) {
    SandboxCluster cluster = new SandboxCluster(options);
    try {
      cluster.boot();
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void boot() {
    long started = System.nanoTime();
    objects.installCrds();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < options.nodes(); i++) {
      names.add(createNodeObject());
    }
    objects.createOverlay();
    overlayWatch =
        operator.resources(SecureOverlay.class).withName(SecureOverlay.SINGLETON_NAME).inform();
    startMaster();
    names.forEach(this::startAgent);
    refreshTrafficMembers();
    traffic.start();
    LOG.info(
        "event=sandbox_started nodes={} api={} sharedWatches={} ms={}",
        options.nodes(),
        api.url(),
        options.sharedWatches(),
        (System.nanoTime() - started) / 1_000_000);
  }

  private String createNodeObject() {
    int ordinal = nextOrdinal.getAndIncrement();
    String name = SandboxAddresses.nodeName(ordinal);
    InetAddress underlay = SandboxAddresses.underlay(ordinal);
    objects.createNode(name, underlay, SandboxAddresses.prefixLength(ordinal));
    network.node(underlay);
    agents.put(name, new SandboxAgent(name, underlay, network.node(underlay), shared));
    return name;
  }

  private void startAgent(String name) {
    agents.get(name).start();
  }

  // --- what an operator does ---

  public void enable() {
    editSpec(s -> s.setEnabled(true));
  }

  public void disable() {
    editSpec(s -> s.setEnabled(false));
  }

  /** Asks for one immediate rotation through {@code spec.rotateNowToken}. */
  public void rotateNow() {
    editSpec(s -> s.setRotateNowToken(UUID.randomUUID().toString()));
  }

  public void editSpec(Consumer<SecureOverlaySpec> change) {
    long generation = objects.editSpec(change);
    specGeneration.accumulateAndGet(generation, Math::max);
  }

  /** The newest spec generation written through this sandbox. */
  long specGeneration() {
    return specGeneration.get();
  }

  // --- nodes, agents, masters, API server ---

  /** A new Node joins (its kubelet registered it) and its agent starts; returns its name. */
  public String addNode() {
    String name = createNodeObject();
    startAgent(name);
    refreshTrafficMembers();
    return name;
  }

  /**
   * The Node is deleted (drained, pods gone: traffic to and from it stops now). Its agent keeps
   * running until the plan has removed it; {@link Convergence} then stops it.
   */
  public void removeNode(String name) {
    SandboxAgent agent = requireAgent(name);
    agents.remove(name);
    leaving.put(name, agent);
    refreshTrafficMembers();
    objects.deleteNode(name);
  }

  /** Kills a node's agent: the data plane keeps whatever it had. */
  public void killAgent(String name) {
    requireAgent(name).kill();
  }

  public void restartAgent(String name) {
    requireAgent(name).start();
  }

  /** Starts one more master replica; returns its identity. */
  public synchronized String startMaster() {
    String identity = "sandbox-master-" + nextMaster.getAndIncrement();
    MasterSettings settings =
        MasterSettings.defaults(identity)
            .withLeaseTimings(
                options.lease(),
                options.lease().multipliedBy(2).dividedBy(3),
                Duration.ofMillis(250))
            .withResyncInterval(Duration.ofMillis(500));
    MasterReplica replica = new MasterReplica(identity, api.newClient(null), settings, clock);
    replica.start();
    masters.add(replica);
    return identity;
  }

  /** Kills the leading master (or the first running one); returns its identity. */
  public synchronized String killMaster() {
    MasterReplica victim =
        masters.stream()
            .filter(MasterReplica::isLeader)
            .findFirst()
            .or(() -> masters.stream().filter(MasterReplica::running).findFirst())
            .orElseThrow(() -> new IllegalStateException("no master is running"));
    victim.kill();
    return victim.identity();
  }

  public synchronized Optional<String> leader() {
    return masters.stream()
        .filter(MasterReplica::isLeader)
        .map(MasterReplica::identity)
        .findFirst();
  }

  /** The API server stops answering; everyone keeps what they have. */
  public void apiDown() {
    api.goDown();
  }

  public void apiUp() {
    api.comeBack();
  }

  // --- observing ---

  public TrafficDriver traffic() {
    return traffic;
  }

  public Convergence convergence() {
    return convergence;
  }

  public ApiRequestCounts apiCounts() {
    return api.counts();
  }

  public String apiUrl() {
    return api.url();
  }

  /** Settings for another client of the sandbox's API server, such as the console's own. */
  public Config clientConfig() {
    return api.clientConfig();
  }

  /** A client for tests and tools, as {@code kubectl} would use. */
  public KubernetesClient client() {
    return operator;
  }

  /** The {@code SecureOverlay} as the API server has it now (a GET). */
  public SecureOverlay overlay() {
    return objects.overlay();
  }

  /** The {@code SecureOverlay} as a watch last saw it: cheap, for polling. */
  Optional<SecureOverlay> watchedOverlay() {
    return overlayWatch == null
        ? Optional.empty()
        : overlayWatch.getStore().list().stream().findFirst();
  }

  boolean apiReachable() {
    return api.isUp();
  }

  public List<SecureOverlayNode> nodeReports() {
    return objects.nodeReports();
  }

  public List<Event> events() {
    return objects.events();
  }

  public List<String> nodeNames() {
    return agents.keySet().stream().sorted().toList();
  }

  public SimulatedDataplane dataplane(String node) {
    SandboxAgent a = agents.containsKey(node) ? agents.get(node) : leaving.get(node);
    if (a == null) {
      throw new IllegalArgumentException("no node " + node);
    }
    return a.dataplane();
  }

  /** The sandbox's clock (the master's and the agents'), which {@link Convergence} moves on. */
  public SandboxClock clock() {
    return clock;
  }

  SandboxOptions options() {
    return options;
  }

  /** Where each running agent stands, by node name. */
  public Map<String, Optional<io.secureoverlay.agent.kube.AgentProgress>> agentProgress() {
    Map<String, Optional<io.secureoverlay.agent.kube.AgentProgress>> out =
        new java.util.TreeMap<>();
    agents.forEach((name, agent) -> out.put(name, agent.progress()));
    return out;
  }

  Map<String, SandboxAgent> agents() {
    return agents;
  }

  Map<String, SandboxAgent> leaving() {
    return leaving;
  }

  /** A leaving node the plan no longer lists: stop its agent, take it off the network. */
  void retire(String name) {
    SandboxAgent agent = leaving.remove(name);
    if (agent != null) {
      agent.kill();
      network.remove(agent.underlay());
    }
  }

  private void refreshTrafficMembers() {
    trafficMembers =
        agents.values().stream()
            .sorted((a, b) -> a.name().compareTo(b.name()))
            .map(SandboxAgent::underlay)
            .toList();
  }

  private SandboxAgent requireAgent(String name) {
    SandboxAgent agent = agents.get(name);
    if (agent == null) {
      throw new IllegalArgumentException("no node " + name + " in the sandbox");
    }
    return agent;
  }

  private static java.util.concurrent.ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    traffic.close();
    // Server first: clients then find nothing to say goodbye to, and close at once.
    api.goDown();
    if (overlayWatch != null) {
      overlayWatch.close();
    }
    agents.values().forEach(SandboxAgent::kill);
    leaving.values().forEach(SandboxAgent::kill);
    synchronized (this) {
      masters.forEach(MasterReplica::kill);
    }
    if (sharedView != null) {
      sharedView.close();
    }
    if (sharedClient != null) {
      sharedClient.close();
    }
    operator.close();
    scheduler.shutdownNow();
    clientTasks.shutdownNow();
    api.close();
  }
}
