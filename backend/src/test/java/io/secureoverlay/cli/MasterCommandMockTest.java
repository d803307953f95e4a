package io.secureoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.SecureOverlayNode;
import io.secureoverlay.protocol.SecureOverlaySpec;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code secureoverlay master} against the mock API server: it leads, plans, and stops cleanly. */
@EnableKubernetesMockClient(crud = true)
class MasterCommandMockTest {

  private KubernetesClient client;

  @Test
  void theMasterLeadsPublishesThePlanAndGivesTheLeaseUpWhenStopped() throws Exception {
    installCrds();
    client
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName("node-1")
                .addToAnnotations("projectcalico.org/IPv4Address", "192.0.2.1/24")
                .endMetadata()
                .build())
        .create();
    SecureOverlay overlay = new SecureOverlay();
    overlay.setMetadata(new ObjectMetaBuilder().withName("default").build());
    overlay.setSpec(new SecureOverlaySpec());
    client.resources(SecureOverlay.class).resource(overlay).create();

    CountDownLatch sigterm = new CountDownLatch(1);
    MasterCommand onMockServer =
        new MasterCommand(
            () ->
                new KubernetesClientBuilder()
                    .withConfig(
                        new ConfigBuilder(Config.empty())
                            .withMasterUrl(client.getMasterUrl().toString())
                            .withTrustCerts(true)
                            .build())
                    .build(),
            sigterm);
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine cli =
        SecureOverlayCli.newCommandLine(
            new CommandLine.IFactory() {
              @Override
              @SuppressWarnings("unchecked")
              public <K> K create(Class<K> type) throws Exception {
                return type == MasterCommand.class ? (K) onMockServer : defaults.create(type);
              }
            });
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> cli.execute("master", "--identity", "cli-master", "--namespace", "so-test"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              SecureOverlay o = client.resources(SecureOverlay.class).withName("default").get();
              return o.getStatus() != null && o.getStatus().getPlanRevision() != null;
            });
    Lease lease = client.leases().inNamespace("so-test").withName("secureoverlay-master").get();
    assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("cli-master");
    assertThat(
            client.resources(SecureOverlay.class).withName("default").get().getStatus().getNodes())
        .singleElement()
        .satisfies(r -> assertThat(r.underlayIp()).isEqualTo("192.0.2.1"));

    sigterm.countDown();

    assertThat(exit.get()).isZero();
    assertThat(err.toString()).isEmpty();
    Lease released = client.leases().inNamespace("so-test").withName("secureoverlay-master").get();
    assertThat(released.getSpec().getLeaseDurationSeconds())
        .as("given up on the way out: the Lease expires at once")
        .isEqualTo(1);
  }

  private void installCrds() throws Exception {
    for (String crd : List.of(SecureOverlay.CRD_NAME, SecureOverlayNode.CRD_NAME)) {
      try (InputStream in =
          getClass().getClassLoader().getResourceAsStream("META-INF/fabric8/" + crd + "-v1.yml")) {
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .resource(new KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class))
            .create();
      }
    }
  }
}
