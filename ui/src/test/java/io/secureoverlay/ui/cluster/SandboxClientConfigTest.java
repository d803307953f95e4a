package io.secureoverlay.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's client to its sandbox never carries the credentials of the operator's cluster. */
class SandboxClientConfigTest {

  @Test
  void aTokenInTheOperatorsKubeconfigIsNeitherTakenNorReloaded(@TempDir Path dir)
      throws IOException {
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters: [{name: prod, cluster: {server: 'https://prod.example:6443'}}]",
            "users: [{name: ops, user: {token: prod-token}}]",
            "contexts: [{name: prod, context: {cluster: prod, user: ops}}]",
            "current-context: prod"));
    String previous = System.getProperty("kubeconfig");
    System.setProperty("kubeconfig", kubeconfig.toString());
    try {
      Config config = ClusterConnectionConfiguration.sandboxClientConfig("http://127.0.0.1:1234");
      for (Config c : new Config[] {config, config.refresh()}) {
        assertThat(c.getMasterUrl()).isEqualTo("http://127.0.0.1:1234/");
        assertThat(c.getOauthToken()).isNull();
        assertThat(c.getAutoOAuthToken()).isNull();
      }
    } finally {
      if (previous == null) {
        System.clearProperty("kubeconfig");
      } else {
        System.setProperty("kubeconfig", previous);
      }
    }
  }
}
