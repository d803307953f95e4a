package io.secureoverlay.ui.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.secureoverlay.protocol.KeysSecretCodec;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.SecureOverlayNode;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The console's live picture of the cluster: informers on the {@code SecureOverlay} singleton,
 * every {@code SecureOverlayNode} and the master's Events, folded into one {@link ClusterSnapshot}.
 * Subscribers are told of changes at most every {@link #PUBLISH_INTERVAL}, so a thousand node
 * reports arriving at once become a few screen updates, not a thousand. Read-only: nothing here
 * writes to the cluster, so every role may use it.
 */
@Service
public class ClusterState {

  /** Most Events kept in a snapshot. */
  public static final int EVENTS_KEPT = 200;

  /** Least time between two snapshots handed to subscribers: four updates a second at most. */
  public static final Duration PUBLISH_INTERVAL = Duration.ofMillis(250);

  private static final Logger LOG = LoggerFactory.getLogger(ClusterState.class);
  private static final Duration CONNECTION_CHECK = Duration.ofSeconds(2);

  private final Clock clock;
  private final SharedIndexInformer<SecureOverlay> overlays;
  private final SharedIndexInformer<SecureOverlayNode> nodes;
  private final SharedIndexInformer<Event> events;
  private final ScheduledExecutorService publisher;
  private final List<Consumer<ClusterSnapshot>> subscribers = new CopyOnWriteArrayList<>();
  private final AtomicBoolean publishPending = new AtomicBoolean();
  private volatile ClusterSnapshot current;
  private volatile long lastPublishNanos;

  public ClusterState(KubernetesClient client, Clock clock) {
    this.clock = clock;
    this.current = ClusterSnapshot.empty(clock.instant());
    this.publisher =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "console-cluster-state");
              thread.setDaemon(true);
              return thread;
            });
    ResourceEventHandler<Object> onChange = new ChangeHandler();
    this.overlays =
        client
            .resources(SecureOverlay.class)
            .withName(SecureOverlay.SINGLETON_NAME)
            .inform(typed(onChange));
    this.nodes = client.resources(SecureOverlayNode.class).inform(typed(onChange));
    this.events =
        client.v1().events().inNamespace(KeysSecretCodec.NAMESPACE).inform(typed(onChange));
    publisher.scheduleWithFixedDelay(
        this::checkConnection,
        CONNECTION_CHECK.toMillis(),
        CONNECTION_CHECK.toMillis(),
        TimeUnit.MILLISECONDS);
    publishNow();
  }

  /** The latest snapshot; never null. */
  public ClusterSnapshot current() {
    return current;
  }

  /**
   * Calls {@code subscriber} with every new snapshot, on the console's publishing thread (views
   * hand it to their UI with {@code UI.access}). Returns the handle that stops it.
   */
  public Subscription subscribe(Consumer<ClusterSnapshot> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  /** Stops one subscription; views call it when they detach. */
  @FunctionalInterface
  public interface Subscription {
    void cancel();
  }

  private void changed() {
    if (!publishPending.compareAndSet(false, true)) {
      return;
    }
    long sinceLast = System.nanoTime() - lastPublishNanos;
    long delay = Math.max(0, PUBLISH_INTERVAL.toNanos() - sinceLast);
    publisher.schedule(this::publishNow, delay, TimeUnit.NANOSECONDS);
  }

  private void publishNow() {
    publishPending.set(false);
    lastPublishNanos = System.nanoTime();
    ClusterSnapshot snapshot = assemble();
    current = snapshot;
    for (Consumer<ClusterSnapshot> subscriber : subscribers) {
      try {
        subscriber.accept(snapshot);
      } catch (RuntimeException e) {
        // One broken view must not stop the others from updating.
        LOG.warn("event=snapshot_subscriber_failed error={}", e.getClass().getSimpleName(), e);
      }
    }
  }

  private ClusterSnapshot assemble() {
    Optional<SecureOverlay> overlay = overlays.getStore().list().stream().findFirst();
    List<SecureOverlayNode> nodeReports =
        nodes.getStore().list().stream()
            .sorted(Comparator.comparing(n -> n.getMetadata().getName()))
            .toList();
    List<Event> masterEvents =
        events.getStore().list().stream()
            .filter(e -> e.getInvolvedObject() != null)
            .filter(e -> SecureOverlay.KIND.equals(e.getInvolvedObject().getKind()))
            .sorted(Comparator.comparing(ClusterState::eventTime).reversed())
            .limit(EVENTS_KEPT)
            .toList();
    return new ClusterSnapshot(overlay, nodeReports, masterEvents, clock.instant(), watching());
  }

  private boolean watching() {
    return overlays.isWatching() && nodes.isWatching() && events.isWatching();
  }

  private void checkConnection() {
    if (watching() != current.connected()) {
      LOG.info("event=cluster_connection_changed connected={}", watching());
      changed();
    }
  }

  private static String eventTime(Event event) {
    String last = event.getLastTimestamp();
    if (last != null) {
      return last;
    }
    return event.getMetadata().getCreationTimestamp() == null
        ? ""
        : event.getMetadata().getCreationTimestamp();
  }

  @PreDestroy
  void stop() {
    publisher.shutdownNow();
    overlays.close();
    nodes.close();
    events.close();
  }

  @SuppressWarnings("unchecked")
  private static <T> ResourceEventHandler<T> typed(ResourceEventHandler<Object> handler) {
    return (ResourceEventHandler<T>) handler;
  }

  private final class ChangeHandler implements ResourceEventHandler<Object> {
    @Override
    public void onAdd(Object obj) {
      changed();
    }

    @Override
    public void onUpdate(Object oldObj, Object newObj) {
      changed();
    }

    @Override
    public void onDelete(Object obj, boolean deletedFinalStateUnknown) {
      changed();
    }
  }
}
