package io.secureoverlay.sandbox;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.secureoverlay.agent.dataplane.SimulatedDataplane;
import io.secureoverlay.agent.kube.AgentProgress;
import io.secureoverlay.agent.kube.ClusterView;
import io.secureoverlay.agent.kube.InformerClusterView;
import io.secureoverlay.agent.kube.KubeAgentSettings;
import io.secureoverlay.agent.kube.KubeModeAgent;
import io.secureoverlay.agent.kube.KubernetesNodeStatusGateway;
import io.secureoverlay.agent.kube.NodeStatusGateway;
import io.secureoverlay.agent.kube.PlanCache;
import io.secureoverlay.agent.kube.UnderlayMtuProbe;
import io.secureoverlay.agent.reconcile.DesiredXfrmBuilder;
import io.secureoverlay.agent.reconcile.NodeReconciler;
import io.secureoverlay.crypto.PairKeyDeriver;
import io.secureoverlay.spi.SpiAllocator;
import java.net.InetAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One sandbox node's agent: the real {@link KubeModeAgent} on the node's {@link
 * SimulatedDataplane}. Killing it leaves the data plane as it is (as a crashed agent leaves the
 * kernel's tables); a restart starts a fresh agent on the same data plane.
 */
final class SandboxAgent {

  /** What every agent of one sandbox shares. */
  record Shared(
      SandboxApiServer api,
      Optional<ClusterView> sharedView,
      Optional<NodeStatusGateway> sharedGateway,
      Executor clientTasks,
      PlanCache planCache,
      ScheduledExecutorService scheduler,
      KubeAgentSettings settingsTemplate,
      Clock clock) {}

  private final String name;
  private final InetAddress underlay;
  private final SimulatedDataplane dataplane;
  private final Shared shared;
  private KubeModeAgent agent;
  private KubernetesClient ownClient;
  private InformerClusterView ownView;

  SandboxAgent(String name, InetAddress underlay, SimulatedDataplane dataplane, Shared shared) {
    this.name = name;
    this.underlay = underlay;
    this.dataplane = dataplane;
    this.shared = shared;
  }

  synchronized void start() {
    if (agent != null) {
      throw new IllegalStateException("agent " + name + " is running");
    }
    ClusterView view;
    NodeStatusGateway gateway;
    if (shared.sharedView().isPresent()) {
      view = shared.sharedView().get();
      gateway = shared.sharedGateway().orElseThrow();
    } else {
      ownClient = shared.api().newClient(shared.clientTasks());
      ownView = InformerClusterView.forNode(ownClient, name);
      view = ownView;
      gateway = new KubernetesNodeStatusGateway(ownClient);
    }
    NodeReconciler reconciler =
        new NodeReconciler(
            dataplane,
            new DesiredXfrmBuilder(new PairKeyDeriver(), new SpiAllocator()),
            shared.clock(),
            shared.settingsTemplate().resync());
    agent =
        new KubeModeAgent(
            view,
            gateway,
            reconciler,
            dataplane,
            shared.settingsTemplate().withNodeName(name),
            UnderlayMtuProbe.fixed(1500),
            shared.scheduler(),
            shared.clock(),
            shared.sharedView().isPresent() ? shared.planCache() : new PlanCache());
    agent.start();
  }

  /** Stops the agent as a crash would: no clean-up, the data plane keeps its state. */
  synchronized void kill() {
    if (agent != null) {
      agent.close();
      agent = null;
    }
    closeOwnClient();
  }

  /** The orderly stop (SIGTERM): the agent stops and its data plane keeps its state. */
  synchronized void shutdown() {
    if (agent == null) {
      throw new IllegalStateException("agent " + name + " is not running");
    }
    agent.shutdown();
    agent = null;
    closeOwnClient();
  }

  private void closeOwnClient() {
    if (ownView != null) {
      ownView.close();
      ownView = null;
    }
    if (ownClient != null) {
      ownClient.close();
      ownClient = null;
    }
  }

  synchronized boolean running() {
    return agent != null;
  }

  synchronized Optional<AgentProgress> progress() {
    return agent == null ? Optional.empty() : Optional.of(agent.progress());
  }

  String name() {
    return name;
  }

  InetAddress underlay() {
    return underlay;
  }

  SimulatedDataplane dataplane() {
    return dataplane;
  }
}
