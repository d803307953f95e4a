package io.secureoverlay.ui.browser;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.secureoverlay.protocol.SecureOverlay;

/** What the sandbox's API server says the spec asks for, read as kubectl would. */
final class SandboxSpec {

  private SandboxSpec() {}

  static boolean enabled(String apiUrl) {
    try (KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder().withMasterUrl(apiUrl).build())
            .build()) {
      SecureOverlay overlay =
          client.resources(SecureOverlay.class).withName(SecureOverlay.SINGLETON_NAME).get();
      return Boolean.TRUE.equals(overlay.getSpec().getEnabled());
    }
  }
}
