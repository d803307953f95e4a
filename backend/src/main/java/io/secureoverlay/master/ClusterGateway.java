package io.secureoverlay.master;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.SecureOverlayNode;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.protocol.SecureOverlayStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;

/**
 * The master's only contact with the API server: informers on the {@code SecureOverlay} singleton,
 * every {@code SecureOverlayNode} and every Node (each change that matters calls {@code onChange});
 * the status subresource write with optimistic locking; the keys Secret through {@link
 * KeysSecretStore}. Nothing here decides anything.
 */
final class ClusterGateway implements AutoCloseable {

  private final KubernetesClient client;
  private final Runnable onChange;
  private final AtomicReference<SecureOverlay> latest = new AtomicReference<>();
  private SharedIndexInformer<SecureOverlay> overlays;
  private SharedIndexInformer<SecureOverlayNode> reports;
  private SharedIndexInformer<Node> nodes;

  ClusterGateway(KubernetesClient client, Runnable onChange) {
    this.client = client;
    this.onChange = onChange;
  }

  /** Starts the informers without waiting for their first list; see {@link #synced()}. */
  void start() {
    long resync = 0; // the controller has its own resync timer
    overlays = client.resources(SecureOverlay.class).runnableInformer(resync);
    overlays.addEventHandler(
        handler(
            (a, b) -> true,
            o -> {
              if (SecureOverlay.SINGLETON_NAME.equals(o.getMetadata().getName())) {
                latest.set(o);
              }
            },
            o -> {
              if (SecureOverlay.SINGLETON_NAME.equals(o.getMetadata().getName())) {
                latest.set(null);
              }
            }));
    reports = client.resources(SecureOverlayNode.class).runnableInformer(resync);
    reports.addEventHandler(handler(ClusterGateway::reportChanged, o -> {}, o -> {}));
    nodes = client.nodes().runnableInformer(resync);
    nodes.addEventHandler(handler(ClusterGateway::underlayChanged, o -> {}, o -> {}));
    overlays.start();
    reports.start();
    nodes.start();
  }

  /** True once every informer has its first full list: before that, absence means nothing. */
  boolean synced() {
    return overlays != null && overlays.hasSynced() && reports.hasSynced() && nodes.hasSynced();
  }

  /** True while every informer's watch is up: the caches follow the API server. */
  boolean watching() {
    return overlays.isWatching() && reports.isWatching() && nodes.isWatching();
  }

  /**
   * The newest {@code default} this replica knows of: the informer's, or the one its own last
   * status write returned, whichever arrived last. A stale one costs a conflict, never a wrong
   * write.
   */
  Optional<SecureOverlay> overlay() {
    return Optional.ofNullable(latest.get());
  }

  /** The singleton read from the API server, past any cache; after a conflict. */
  Optional<SecureOverlay> fetchOverlay() {
    try {
      SecureOverlay fresh =
          client.resources(SecureOverlay.class).withName(SecureOverlay.SINGLETON_NAME).get();
      latest.set(fresh);
      return Optional.ofNullable(fresh);
    } catch (KubernetesClientException e) {
      throw new GatewayException("reading SecureOverlay " + SecureOverlay.SINGLETON_NAME, e);
    }
  }

  List<NodeFact> nodes() {
    return nodes.getStore().list().stream().map(UnderlayAddress::fact).toList();
  }

  /** Agents' reports by node name; objects without a status are not reports yet. */
  Map<String, SecureOverlayNodeStatus> reports() {
    Map<String, SecureOverlayNodeStatus> out = new HashMap<>();
    for (SecureOverlayNode n : reports.getStore().list()) {
      if (n.getStatus() != null) {
        out.put(n.getMetadata().getName(), n.getStatus());
      }
    }
    return out;
  }

  /**
   * Writes {@code status} through the status subresource at {@code base}'s resourceVersion: if
   * anyone wrote the object since, the API server answers 409 and nothing is written.
   */
  SecureOverlay writeStatus(SecureOverlay base, SecureOverlayStatus status) {
    SecureOverlay next = new SecureOverlay();
    next.setMetadata(new ObjectMetaBuilder(base.getMetadata()).build());
    next.setSpec(base.getSpec());
    next.setStatus(status);
    try {
      SecureOverlay written = client.resources(SecureOverlay.class).resource(next).updateStatus();
      latest.set(written);
      return written;
    } catch (KubernetesClientException e) {
      throw new GatewayException("updating SecureOverlay status", e);
    }
  }

  @Override
  public void close() {
    for (SharedIndexInformer<?> informer :
        new SharedIndexInformer<?>[] {overlays, reports, nodes}) {
      if (informer != null) {
        informer.stop();
      }
    }
  }

  private <T> ResourceEventHandler<T> handler(
      BiPredicate<T, T> matters,
      java.util.function.Consumer<T> seen,
      java.util.function.Consumer<T> gone) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        seen.accept(obj);
        onChange.run();
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        seen.accept(newObj);
        if (matters.test(oldObj, newObj)) {
          onChange.run();
        }
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        gone.accept(obj);
        onChange.run();
      }
    };
  }

  /** Heartbeats and counters alone change nothing the plan depends on. */
  private static boolean reportChanged(SecureOverlayNode a, SecureOverlayNode b) {
    SecureOverlayNodeStatus x = a.getStatus();
    SecureOverlayNodeStatus y = b.getStatus();
    if (x == null || y == null) {
      return x != y;
    }
    return !Objects.equals(x.getObservedPlanRevision(), y.getObservedPlanRevision())
        || !Objects.equals(x.getInboundEpochs(), y.getInboundEpochs())
        || !Objects.equals(x.getOutboundEpoch(), y.getOutboundEpoch())
        || !Objects.equals(x.getEnforce(), y.getEnforce())
        || !Objects.equals(x.getSoftExpiredEpochs(), y.getSoftExpiredEpochs());
  }

  /** Kubelets update Node status often; only the underlay address matters here. */
  private static boolean underlayChanged(Node a, Node b) {
    return !UnderlayAddress.of(a).equals(UnderlayAddress.of(b));
  }
}
