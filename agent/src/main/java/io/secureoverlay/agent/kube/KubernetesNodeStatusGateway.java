package io.secureoverlay.agent.kube;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.secureoverlay.protocol.SecureOverlayNode;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes {@code SecureOverlayNode} status through the status subresource: one PUT per write,
 * carrying the resourceVersion of the previous write so the API server needs no extra read. The
 * object is created on the first write (status cannot be set on create when the status subresource
 * is enabled, so that first write costs a POST and a PUT). On a conflict (someone else wrote the
 * object) or a missing object, the next write starts over from a fresh read.
 *
 * <p>Thread-safe; one gateway can serve many agents of one process, each writing its own object.
 */
public final class KubernetesNodeStatusGateway implements NodeStatusGateway {

  private final KubernetesClient client;
  private final Map<String, String> resourceVersions = new ConcurrentHashMap<>();

  public KubernetesNodeStatusGateway(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public void write(String nodeName, SecureOverlayNodeStatus status) {
    try {
      String version = resourceVersions.get(nodeName);
      if (version == null) {
        version = currentOrCreated(nodeName);
      }
      SecureOverlayNode node = new SecureOverlayNode();
      node.setMetadata(
          new ObjectMetaBuilder().withName(nodeName).withResourceVersion(version).build());
      node.setStatus(status);
      SecureOverlayNode written =
          client.resources(SecureOverlayNode.class).resource(node).updateStatus();
      resourceVersions.put(nodeName, written.getMetadata().getResourceVersion());
    } catch (KubernetesClientException e) {
      resourceVersions.remove(nodeName);
      throw new StatusWriteException(
          "writing SecureOverlayNode " + nodeName + " status failed: " + SafeErrors.of(e));
    }
  }

  private String currentOrCreated(String nodeName) {
    SecureOverlayNode existing = client.resources(SecureOverlayNode.class).withName(nodeName).get();
    if (existing != null) {
      return existing.getMetadata().getResourceVersion();
    }
    SecureOverlayNode fresh = new SecureOverlayNode();
    fresh.setMetadata(
        new ObjectMetaBuilder()
            .withName(nodeName)
            .addToLabels("app.kubernetes.io/name", "secureoverlay")
            .addToLabels("app.kubernetes.io/component", "agent")
            .build());
    try {
      return client
          .resources(SecureOverlayNode.class)
          .resource(fresh)
          .create()
          .getMetadata()
          .getResourceVersion();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        // Created meanwhile (a previous incarnation of this agent): use it.
        return client
            .resources(SecureOverlayNode.class)
            .withName(nodeName)
            .get()
            .getMetadata()
            .getResourceVersion();
      }
      throw e;
    }
  }
}
