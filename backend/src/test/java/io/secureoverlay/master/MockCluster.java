package io.secureoverlay.master;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.secureoverlay.protocol.KeysSecretCodec;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.SecureOverlayNode;
import io.secureoverlay.protocol.SecureOverlaySpec;
import io.secureoverlay.protocol.SecureOverlayStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * A cluster in fabric8's mock API server (CRUD mode): the generated CRDs, Nodes with Calico's
 * underlay annotation, the SecureOverlay singleton, and agents that acknowledge the plan exactly
 * ({@link IdealReports}) through the SecureOverlayNode status subresource.
 */
final class MockCluster {

  static final String NAMESPACE = KeysSecretCodec.NAMESPACE;

  private final KubernetesClient client;

  MockCluster(KubernetesClient client) {
    this.client = client;
  }

  void installCrds() {
    for (String crd : List.of(SecureOverlay.CRD_NAME, SecureOverlayNode.CRD_NAME)) {
      String resource = "META-INF/fabric8/" + crd + "-v1.yml";
      try (InputStream in = MockCluster.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(
              resource + " is missing: run the build's process-classes");
        }
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .resource(new KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class))
            .create();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  void addNodes(int count) {
    for (int i = 1; i <= count; i++) {
      addNode("node-" + i, "192.0.2." + i);
    }
  }

  void addNode(String name, String ip) {
    Node node =
        new NodeBuilder()
            .withNewMetadata()
            .withName(name)
            .addToAnnotations(UnderlayAddress.CALICO_ANNOTATION, ip + "/24")
            .endMetadata()
            .build();
    client.nodes().resource(node).create();
  }

  void createOverlay(SecureOverlaySpec spec) {
    SecureOverlay overlay = new SecureOverlay();
    overlay.setMetadata(new ObjectMetaBuilder().withName(SecureOverlay.SINGLETON_NAME).build());
    overlay.setSpec(spec);
    client.resources(SecureOverlay.class).resource(overlay).create();
  }

  /**
   * Changes the spec the way kubectl edit does: a new generation, and on a conflict with the
   * master's own status write, read again and retry.
   */
  void editSpec(java.util.function.Consumer<SecureOverlaySpec> edit) {
    for (int attempt = 1; ; attempt++) {
      try {
        client
            .resources(SecureOverlay.class)
            .withName(SecureOverlay.SINGLETON_NAME)
            .edit(
                o -> {
                  edit.accept(o.getSpec());
                  return o;
                });
        return;
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 10) {
          throw e;
        }
      }
    }
  }

  SecureOverlay overlay() {
    return client.resources(SecureOverlay.class).withName(SecureOverlay.SINGLETON_NAME).get();
  }

  SecureOverlayStatus status() {
    SecureOverlay o = overlay();
    return o == null ? null : o.getStatus();
  }

  /** Every node writes the report a correct agent would write for the current plan. */
  void acknowledgeAll() {
    SecureOverlayStatus status = status();
    for (Node n : client.nodes().list().getItems()) {
      acknowledge(status, n.getMetadata().getName());
    }
  }

  /** Node {@code name} writes the report a correct agent would write for the current plan. */
  void acknowledge(String name) {
    acknowledge(status(), name);
  }

  private void acknowledge(SecureOverlayStatus status, String name) {
    SecureOverlayNode report = client.resources(SecureOverlayNode.class).withName(name).get();
    if (report == null) {
      report = new SecureOverlayNode();
      report.setMetadata(new ObjectMetaBuilder().withName(name).build());
      report = client.resources(SecureOverlayNode.class).resource(report).create();
    }
    report.setStatus(IdealReports.of(status, name));
    client.resources(SecureOverlayNode.class).resource(report).updateStatus();
  }

  List<Event> events() {
    return client.v1().events().inNamespace(NAMESPACE).list().getItems();
  }

  static MasterSettings fastSettings(String identity) {
    return MasterSettings.defaults(identity)
        .withLeaseTimings(Duration.ofMillis(1500), Duration.ofMillis(1000), Duration.ofMillis(200))
        .withMinWriteInterval(Duration.ofMillis(50))
        .withResyncInterval(Duration.ofMillis(500));
  }
}
