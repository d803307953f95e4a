package io.secureoverlay.master;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Candidacy for the Lease with fabric8's {@link LeaderElector}. A replica that loses the Lease
 * stands again (an elector runs once), so a standby that later wins keeps going and a leader that
 * lost its connection for a while can lead again. Closing gives the Lease up at once.
 */
final class MasterLeadership implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MasterLeadership.class);

  private final KubernetesClient client;
  private final MasterSettings settings;
  private final Runnable onStart;
  private final Runnable onStop;
  private final ExecutorService electorThreads =
      Executors.newCachedThreadPool(daemon("secureoverlay-master-election"));
  private final ScheduledExecutorService restart =
      Executors.newSingleThreadScheduledExecutor(daemon("secureoverlay-master-candidacy"));
  private volatile boolean closed;
  private volatile CompletableFuture<?> running;

  MasterLeadership(
      KubernetesClient client, MasterSettings settings, Runnable onStart, Runnable onStop) {
    this.client = client;
    this.settings = settings;
    this.onStart = onStart;
    this.onStop = onStop;
  }

  void start() {
    stand();
  }

  private synchronized void stand() {
    if (closed) {
      return;
    }
    LeaderElector elector = new LeaderElector(client, config(), electorThreads);
    CompletableFuture<?> future = elector.start();
    running = future;
    future.whenComplete(
        (v, t) -> {
          if (!closed) {
            LOG.info(
                "event=leadership_candidacy_ended lease={}/{} identity={} standing_again_in_ms={}",
                settings.namespace(),
                settings.leaseName(),
                settings.identity(),
                settings.retryPeriod().toMillis());
            restart.schedule(this::stand, settings.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
          }
        });
  }

  private LeaderElectionConfig config() {
    return new LeaderElectionConfigBuilder()
        .withName(settings.leaseName())
        .withLock(new LeaseLock(settings.namespace(), settings.leaseName(), settings.identity()))
        .withLeaseDuration(settings.leaseDuration())
        .withRenewDeadline(settings.renewDeadline())
        .withRetryPeriod(settings.retryPeriod())
        .withReleaseOnCancel(true)
        .withLeaderCallbacks(
            new LeaderCallbacks(
                onStart,
                onStop,
                leader ->
                    LOG.info(
                        "event=leader_observed lease={}/{} leader={} self={}",
                        settings.namespace(),
                        settings.leaseName(),
                        leader,
                        settings.identity())))
        .build();
  }

  @Override
  public synchronized void close() {
    closed = true;
    CompletableFuture<?> future = running;
    if (future != null) {
      future.cancel(true); // releases the Lease if held, and calls onStop
    }
    restart.shutdownNow();
    electorThreads.shutdown();
  }

  static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
