package io.secureoverlay.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CRDs as generated, installed into the fabric8 mock API server (CRUD mode), then both kinds
 * written and read back through the typed client, status through the status subresource.
 */
@EnableKubernetesMockClient(crud = true)
class CustomResourcesMockTest {

  private KubernetesClient client;

  @BeforeEach
  void installCrds() {
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(GeneratedCrds.load(SecureOverlay.CRD_NAME))
        .create();
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(GeneratedCrds.load(SecureOverlayNode.CRD_NAME))
        .create();
  }

  @Test
  void overlaySpecAndStatusRoundTripThroughTheApiServer() {
    SecureOverlay created = overlays().resource(ProtocolFixtures.overlay()).create();
    created.setStatus(ProtocolFixtures.fullStatus());

    overlays().resource(created).updateStatus();
    SecureOverlay read = overlays().withName(SecureOverlay.SINGLETON_NAME).get();

    assertThat(read.getMetadata().getNamespace()).isNull();
    assertThat(read.getSpec()).usingRecursiveComparison().isEqualTo(ProtocolFixtures.fullSpec());
    assertThat(read.getStatus())
        .usingRecursiveComparison()
        .isEqualTo(ProtocolFixtures.fullStatus());
  }

  @Test
  void aStatusUpdateLeavesTheSpecAlone() {
    SecureOverlay created = overlays().resource(ProtocolFixtures.overlay()).create();
    created.getSpec().setEnabled(false);
    created.setStatus(ProtocolFixtures.fullStatus());

    overlays().resource(created).updateStatus();

    SecureOverlay read = overlays().withName(SecureOverlay.SINGLETON_NAME).get();
    assertThat(read.getSpec().getEnabled()).isTrue();
    assertThat(read.getStatus().getPhase()).isEqualTo(OverlayPhase.ROTATING);
  }

  @Test
  void nodeStatusRoundTripsThroughTheApiServer() {
    SecureOverlayNode created = nodes().resource(ProtocolFixtures.node("node-a")).create();
    created.setStatus(ProtocolFixtures.fullNodeStatus());

    nodes().resource(created).updateStatus();
    SecureOverlayNode read = nodes().withName("node-a").get();

    assertThat(read.getMetadata().getNamespace()).isNull();
    assertThat(read.getStatus())
        .usingRecursiveComparison()
        .isEqualTo(ProtocolFixtures.fullNodeStatus());
  }

  @Test
  void eachNodeHasItsOwnObject() {
    for (String name : new String[] {"node-a", "node-b", "node-c"}) {
      SecureOverlayNode created = nodes().resource(ProtocolFixtures.node(name)).create();
      SecureOverlayNodeStatus status = ProtocolFixtures.fullNodeStatus();
      status.setNodeName(name);
      created.setStatus(status);
      nodes().resource(created).updateStatus();
    }

    assertThat(nodes().list().getItems())
        .extracting(n -> n.getMetadata().getName(), n -> n.getStatus().getNodeName())
        .containsExactlyInAnyOrder(
            org.assertj.core.api.Assertions.tuple("node-a", "node-a"),
            org.assertj.core.api.Assertions.tuple("node-b", "node-b"),
            org.assertj.core.api.Assertions.tuple("node-c", "node-c"));
  }

  private NonNamespaceOperation<
          SecureOverlay, KubernetesResourceList<SecureOverlay>, Resource<SecureOverlay>>
      overlays() {
    return client.resources(SecureOverlay.class);
  }

  private NonNamespaceOperation<
          SecureOverlayNode, KubernetesResourceList<SecureOverlayNode>, Resource<SecureOverlayNode>>
      nodes() {
    return client.resources(SecureOverlayNode.class);
  }
}
