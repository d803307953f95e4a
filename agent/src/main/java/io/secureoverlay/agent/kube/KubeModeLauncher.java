package io.secureoverlay.agent.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.secureoverlay.agent.dataplane.Dataplane;
import io.secureoverlay.agent.reconcile.NodeReconciler;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one agent in Kubernetes mode until the process is told to stop: a fabric8 client from the
 * default configuration (the pod's service account in a cluster, else {@code ~/.kube/config} or
 * {@code KUBECONFIG}), watches on the plan, the keys Secret and this node's Node. SIGTERM stops it
 * and leaves the data plane as it is, for the next agent pod to adopt (see {@link
 * KubeModeAgent#shutdown()}); the plan, not the pod's lifecycle, removes state.
 */
public final class KubeModeLauncher {

  private static final Logger LOG = LoggerFactory.getLogger(KubeModeLauncher.class);

  private KubeModeLauncher() {}

  /**
   * Blocks until SIGTERM/SIGINT; the shutdown hook stops the agent, keeping its state. Returns 0.
   */
  public static int runUntilSignalled(
      Dataplane dataplane,
      NodeReconciler reconciler,
      KubeAgentSettings settings,
      UnderlayMtuProbe mtuProbe) {
    Clock clock = Clock.systemUTC();
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "secureoverlay-agent");
              t.setDaemon(true);
              return t;
            });
    KubernetesClient client = new KubernetesClientBuilder().build();
    InformerClusterView view = InformerClusterView.forNode(client, settings.nodeName());
    KubeModeAgent agent =
        new KubeModeAgent(
            view,
            new KubernetesNodeStatusGateway(client),
            reconciler,
            dataplane,
            settings,
            mtuProbe,
            scheduler,
            clock,
            new PlanCache());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    agent.shutdown();
                  } finally {
                    view.close();
                    client.close();
                    scheduler.shutdownNow();
                    stopped.countDown();
                  }
                },
                "secureoverlay-shutdown"));
    agent.start();
    LOG.info(
        "event=agent_watching node={} api={}",
        settings.nodeName(),
        client.getConfiguration().getMasterUrl());
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
