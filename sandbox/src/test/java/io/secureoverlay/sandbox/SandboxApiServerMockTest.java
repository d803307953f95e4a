package io.secureoverlay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxApiServerMockTest {

  @Test
  void writesAreCountedPerKindAndObjectsSurviveAnOutageOnTheSamePort() {
    try (SandboxApiServer api = new SandboxApiServer().start();
        KubernetesClient client = api.newClient(null)) {
      String url = api.url();
      client
          .configMaps()
          .inNamespace("x")
          .resource(new ConfigMapBuilder().withNewMetadata().withName("a").endMetadata().build())
          .create();
      client.configMaps().inNamespace("x").withName("a").get();
      ApiRequestCounts before = api.counts();
      assertThat(before.writes("configmaps")).isEqualTo(1);
      assertThat(before.reads()).isPositive();

      api.goDown();
      assertThatThrownBy(() -> client.configMaps().inNamespace("x").withName("a").get())
          .isInstanceOf(KubernetesClientException.class);
      api.comeBack();

      assertThat(api.url()).isEqualTo(url);
      assertThat(client.configMaps().inNamespace("x").withName("a").get()).isNotNull();
      client.configMaps().inNamespace("x").withName("a").delete();
      assertThat(api.counts().since(before).writesByKind()).containsEntry("configmaps", 1L);
    }
  }

  @Test
  void theSandboxClientTakesNoCredentialsFromTheMachinesKubeconfig(@TempDir Path dir)
      throws IOException {
    Path kubeconfig = dir.resolve("config");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: real
          cluster:
            server: https://real-cluster.example:6443
        users:
        - name: admin
          user:
            token: real-cluster-token
        contexts:
        - name: real
          context:
            cluster: real
            user: admin
        current-context: real
        """);
    String previous = System.getProperty("kubeconfig");
    System.setProperty("kubeconfig", kubeconfig.toString());
    try (SandboxApiServer api = new SandboxApiServer().start()) {
      Config config = api.clientConfig();
      // fabric8 refreshes a token-less client's config before its requests.
      Config refreshed = config.refresh();
      assertThat(List.of(config, refreshed))
          .allSatisfy(
              c -> {
                assertThat(c.getMasterUrl()).startsWith(api.url());
                assertThat(c.getOauthToken()).isNull();
                assertThat(c.getAutoOAuthToken()).isNull();
              });
    } finally {
      if (previous == null) {
        System.clearProperty("kubeconfig");
      } else {
        System.setProperty("kubeconfig", previous);
      }
    }
  }
}
