package io.secureoverlay.agent.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.secureoverlay.protocol.KeysSecretCodec;
import io.secureoverlay.protocol.SecureOverlay;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ClusterView} over three fabric8 informers: the {@code SecureOverlay} named {@value
 * SecureOverlay#SINGLETON_NAME}, the keys Secret by name (a {@code metadata.name} field selector,
 * so the agent never lists Secrets) and Nodes.
 *
 * <p>Nodes: an agent watches only its own Node ({@link #forNode}); the plan already carries every
 * peer's underlay address, so watching all Nodes would cost each agent O(N) memory and the cluster
 * O(N^2) watch traffic for nothing it uses. A view shared by many in-process agents ({@link
 * #forAllNodes}) watches all Nodes once instead.
 *
 * <p>Informers retry forever: a failed list or a broken watch is logged (class and HTTP code only:
 * an exception from the Secret's watch must not carry its data into a log) and retried with
 * fabric8's back-off, while the stores keep the last objects seen.
 */
public final class InformerClusterView implements ClusterView {

  private static final Logger LOG = LoggerFactory.getLogger(InformerClusterView.class);

  private final SharedIndexInformer<SecureOverlay> overlays;
  private final SharedIndexInformer<Secret> keys;
  private final SharedIndexInformer<Node> nodes;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  private InformerClusterView(KubernetesClient client, Optional<String> onlyNode) {
    overlays =
        client
            .resources(SecureOverlay.class)
            .withName(SecureOverlay.SINGLETON_NAME)
            .runnableInformer(0);
    keys =
        client
            .secrets()
            .inNamespace(KeysSecretCodec.NAMESPACE)
            .withName(KeysSecretCodec.SECRET_NAME)
            .runnableInformer(0);
    nodes =
        onlyNode.isPresent()
            ? client.nodes().withName(onlyNode.get()).runnableInformer(0)
            : client.nodes().runnableInformer(0);
    prepare(overlays, "overlay");
    prepare(keys, "keys");
    prepare(nodes, "nodes");
  }

  /** A view for one agent: watches only {@code nodeName}'s Node. Starts at once; never blocks. */
  public static InformerClusterView forNode(KubernetesClient client, String nodeName) {
    InformerClusterView view = new InformerClusterView(client, Optional.of(nodeName));
    view.start();
    return view;
  }

  /** A view shared by many agents in one process: watches all Nodes. */
  public static InformerClusterView forAllNodes(KubernetesClient client) {
    InformerClusterView view = new InformerClusterView(client, Optional.empty());
    view.start();
    return view;
  }

  private void start() {
    overlays.start();
    keys.start();
    nodes.start();
  }

  private <T extends HasMetadata> void prepare(SharedIndexInformer<T> informer, String what) {
    informer.exceptionHandler(
        (started, t) -> {
          LOG.warn(
              "event=watch_error watch={} started={} error={}", what, started, SafeErrors.of(t));
          return true;
        });
    informer.addEventHandler(
        new ResourceEventHandler<T>() {
          @Override
          public void onAdd(T obj) {
            changed();
          }

          @Override
          public void onUpdate(T oldObj, T newObj) {
            changed();
          }

          @Override
          public void onDelete(T obj, boolean deletedFinalStateUnknown) {
            changed();
          }
        });
  }

  private void changed() {
    listeners.forEach(Runnable::run);
  }

  @Override
  public ClusterSnapshot snapshot(String nodeName) {
    return new ClusterSnapshot(
        byName(overlays, null, SecureOverlay.SINGLETON_NAME),
        byName(keys, KeysSecretCodec.NAMESPACE, KeysSecretCodec.SECRET_NAME),
        byName(nodes, null, nodeName),
        overlays.hasSynced() && keys.hasSynced() && nodes.hasSynced());
  }

  /**
   * By the store's key, not by a scan: a view shared by a thousand agents holds a thousand Nodes,
   * and every agent looks its own up on every pass.
   */
  private static <T extends HasMetadata> Optional<T> byName(
      SharedIndexInformer<T> informer, String namespace, String name) {
    return Optional.ofNullable(
        informer.getStore().getByKey(Cache.namespaceKeyFunc(namespace, name)));
  }

  @Override
  public AutoCloseable onChange(Runnable listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public void close() {
    listeners.clear();
    overlays.close();
    keys.close();
    nodes.close();
  }
}
