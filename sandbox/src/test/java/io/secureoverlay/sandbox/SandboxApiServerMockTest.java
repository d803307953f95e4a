package io.secureoverlay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

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
}
