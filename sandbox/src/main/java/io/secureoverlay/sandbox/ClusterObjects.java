package io.secureoverlay.sandbox;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.secureoverlay.agent.kube.NodeAddresses;
import io.secureoverlay.protocol.KeysSecretCodec;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.SecureOverlayNode;
import io.secureoverlay.protocol.SecureOverlaySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Kubernetes objects a sandbox starts from and an operator would touch, written through an
 * ordinary client: the CRDs as the build generated them, the system namespace, Nodes shaped like
 * Calico's (underlay address in the {@code projectcalico.org/IPv4Address} annotation and as
 * InternalIP), and the {@code SecureOverlay} spec.
 */
final class ClusterObjects {

  /** Where backend's crd-generator writes the CRDs (and the backend jar carries them). */
  static final String CRD_DIRECTORY = "META-INF/fabric8/";

  private final KubernetesClient client;

  ClusterObjects(KubernetesClient client) {
    this.client = client;
  }

  void installCrds() {
    for (String name : List.of(SecureOverlay.CRD_NAME, SecureOverlayNode.CRD_NAME)) {
      client.apiextensions().v1().customResourceDefinitions().resource(crd(name)).create();
    }
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(KeysSecretCodec.NAMESPACE)
                .endMetadata()
                .build())
        .create();
  }

  private static CustomResourceDefinition crd(String name) {
    String resource = CRD_DIRECTORY + name + "-v1.yml";
    try (InputStream in = ClusterObjects.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " is not on the classpath (backend's jar has it)");
      }
      return new KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void createNode(String name, InetAddress underlay, int prefixLength) {
    String ip = underlay.getHostAddress();
    Node node =
        new NodeBuilder()
            .withNewMetadata()
            .withName(name)
            .addToLabels("kubernetes.io/hostname", name)
            .addToLabels("kubernetes.io/os", "linux")
            .addToAnnotations(NodeAddresses.CALICO_IPV4_ANNOTATION, ip + "/" + prefixLength)
            .endMetadata()
            .withNewStatus()
            .addNewAddress()
            .withType("InternalIP")
            .withAddress(ip)
            .endAddress()
            .addNewAddress()
            .withType("Hostname")
            .withAddress(name)
            .endAddress()
            .endStatus()
            .build();
    client.nodes().resource(node).create();
  }

  void deleteNode(String name) {
    client.nodes().withName(name).delete();
  }

  /** The singleton, disabled, with the spec's defaults. */
  void createOverlay() {
    SecureOverlay overlay = new SecureOverlay();
    overlay.getMetadata().setName(SecureOverlay.SINGLETON_NAME);
    overlay.setSpec(new SecureOverlaySpec());
    client.resources(SecureOverlay.class).resource(overlay).create();
  }

  /**
   * Changes the spec as {@code kubectl edit} would: read, change, write back at the version read,
   * and start over when the master wrote the status in between (409), as kubectl's user would.
   * Returns the object's new {@code metadata.generation}.
   */
  long editSpec(Consumer<SecureOverlaySpec> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return client
            .resources(SecureOverlay.class)
            .withName(SecureOverlay.SINGLETON_NAME)
            .edit(
                o -> {
                  change.accept(o.getSpec());
                  return o;
                })
            .getMetadata()
            .getGeneration();
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt >= 20) {
          throw e;
        }
      }
    }
  }

  SecureOverlay overlay() {
    return client.resources(SecureOverlay.class).withName(SecureOverlay.SINGLETON_NAME).get();
  }

  List<SecureOverlayNode> nodeReports() {
    return client.resources(SecureOverlayNode.class).list().getItems();
  }

  List<Event> events() {
    return client.v1().events().inAnyNamespace().list().getItems();
  }
}
