package io.secureoverlay.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.secureoverlay.crypto.EpochSecretGenerator;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.protocol.KeyRing;
import io.secureoverlay.protocol.KeysSecretCodec;
import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.SecureOverlaySpec;
import io.secureoverlay.protocol.SecureOverlayStatus;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway and the keys Secret store against the mock API server. */
@EnableKubernetesMockClient(crud = true)
class ClusterGatewayMockTest {

  private KubernetesClient client;
  private KubernetesMockServer server;
  private MockCluster cluster;
  private ClusterGateway gateway;
  private final AtomicInteger changes = new AtomicInteger();

  @BeforeEach
  void start() {
    cluster = new MockCluster(client);
    cluster.installCrds();
    cluster.addNodes(2);
    cluster.createOverlay(new SecureOverlaySpec());
    gateway = new ClusterGateway(client, changes::incrementAndGet);
    gateway.start();
    await().atMost(Duration.ofSeconds(10)).until(gateway::synced);
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void theCachesShowNodesWithTheirUnderlayAndTheSingleton() {
    assertThat(gateway.nodes())
        .containsExactlyInAnyOrder(
            new NodeFact("node-1", "192.0.2.1"), new NodeFact("node-2", "192.0.2.2"));
    assertThat(gateway.overlay()).isPresent();
    assertThat(gateway.reports()).isEmpty();

    cluster.addNode("node-3", "192.0.2.3");
    await().atMost(Duration.ofSeconds(10)).until(() -> gateway.nodes().size() == 3);
    assertThat(changes.get()).isPositive();
  }

  /**
   * The write is a PUT of the status subresource at the resourceVersion it was decided from; a real
   * API server answers 409 when someone wrote since. (The mock server enforces resourceVersion on
   * the main resource only, so the refusal is not observable here.)
   */
  @Test
  void aStatusWriteGoesThroughTheStatusSubresource() throws Exception {
    SecureOverlay base = gateway.fetchOverlay().orElseThrow();
    String decidedFrom = base.getMetadata().getResourceVersion();
    SecureOverlayStatus status = new SecureOverlayStatus();
    status.setPhase(OverlayPhase.DISABLED);

    SecureOverlay written = gateway.writeStatus(base, status);

    RecordedRequest put = lastRequestTo("/status");
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(written.getMetadata().getResourceVersion()).isNotEqualTo(decidedFrom);
    assertThat(gateway.overlay().map(o -> o.getMetadata().getResourceVersion()))
        .as("the replica's newest view is at least its own write")
        .contains(written.getMetadata().getResourceVersion());
    assertThat(cluster.status().getPhase()).isEqualTo(OverlayPhase.DISABLED);
  }

  @Test
  void aConflictIsReportedAsOne() {
    KubernetesClientException conflict =
        new KubernetesClientException(
            new io.fabric8.kubernetes.api.model.StatusBuilder()
                .withCode(409)
                .withReason("Conflict")
                .build());

    GatewayException e = new GatewayException("updating SecureOverlay status", conflict);

    assertThat(e.isConflict()).isTrue();
    assertThat(e.getMessage()).isEqualTo("updating SecureOverlay status failed: HTTP 409 Conflict");
    assertThat(e.getCause()).isNull();
  }

  @Test
  void theStatusWriteLeavesTheSpecAsTheOperatorWroteIt() {
    SecureOverlay base = gateway.fetchOverlay().orElseThrow();
    base.getSpec().setEnabled(true); // a stale or wrong spec in the writer's hands
    gateway.writeStatus(base, new SecureOverlayStatus());

    assertThat(cluster.overlay().getSpec().getEnabled()).isFalse();
  }

  @Test
  void theKeysStoreCreatesAddsAndDropsEpochsAndReadsOnlyFingerprints() {
    KeysSecretStore store =
        new KeysSecretStore(client, MockCluster.NAMESPACE, new EpochSecretGenerator());
    assertThat(store.read()).isInstanceOf(KeysView.Absent.class);

    store.apply(List.of(new KeyChange.CreateEpoch(1, Cipher.AES_GCM_256, IcvLength.ICV_128)));
    store.apply(List.of(new KeyChange.CreateEpoch(2, Cipher.AES_GCM_256, IcvLength.ICV_128)));
    store.apply(List.of(new KeyChange.CreateEpoch(2, Cipher.AES_GCM_256, IcvLength.ICV_128)));
    KeysView.Present two = (KeysView.Present) store.read();
    assertThat(two.cipher()).isEqualTo(Cipher.AES_GCM_256);
    assertThat(two.icv()).isEqualTo(IcvLength.ICV_128);
    assertThat(two.fingerprints().keySet()).containsExactly(1L, 2L);
    assertThat(two.fingerprints().get(1L)).hasSize(16).isNotEqualTo(two.fingerprints().get(2L));

    store.apply(List.of(new KeyChange.DropEpochs(new TreeSet<>(List.of(1L)))));
    Secret secret = secret();
    try (KeyRing ring = new KeysSecretCodec().decode(secret)) {
      assertThat(ring.epochs()).containsExactly(2L);
    }
    assertThat(((KeysView.Present) store.read()).fingerprints())
        .containsEntry(2L, two.fingerprints().get(2L));
    assertThat(two.toString()).doesNotContain(secret.getData().get("epoch-2"));
  }

  @Test
  void aMalformedSecretReadsAsMalformedNamingTheField() {
    KeysSecretStore store =
        new KeysSecretStore(client, MockCluster.NAMESPACE, new EpochSecretGenerator());
    store.apply(List.of(new KeyChange.CreateEpoch(1, Cipher.AES_GCM_128, IcvLength.ICV_64)));
    client
        .secrets()
        .inNamespace(MockCluster.NAMESPACE)
        .withName(KeysSecretCodec.SECRET_NAME)
        .edit(
            s -> {
              s.getData()
                  .put("icvBits", java.util.Base64.getEncoder().encodeToString("65".getBytes()));
              return s;
            });

    assertThat(store.read())
        .isEqualTo(
            new KeysView.Malformed(
                "data.icvBits", "'65' is not an allowed ICV length: expected 64, 96, 128"));
  }

  private RecordedRequest lastRequestTo(String suffix) throws InterruptedException {
    RecordedRequest found = null;
    for (RecordedRequest r = server.takeRequest(1, java.util.concurrent.TimeUnit.SECONDS);
        r != null;
        r = server.takeRequest(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      if (r.getPath().endsWith(suffix)) {
        found = r;
      }
    }
    assertThat(found).as("a request to ..." + suffix).isNotNull();
    return found;
  }

  private Secret secret() {
    return client
        .secrets()
        .inNamespace(MockCluster.NAMESPACE)
        .withName(KeysSecretCodec.SECRET_NAME)
        .get();
  }
}
