package io.secureoverlay.ui.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.secureoverlay.sandbox.SandboxCluster;
import io.secureoverlay.sandbox.SandboxOptions;
import io.secureoverlay.ui.base.ClusterIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the console reaches its cluster. Sandbox mode (the default) starts the embedded simulated
 * cluster in this JVM and talks to its API server over HTTP like any client; real mode uses the
 * fabric8 client's own discovery: {@code KUBECONFIG} / {@code ~/.kube/config}, or the pod's service
 * account when the console runs in the cluster.
 */
@Configuration
public class ClusterConnectionConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterConnectionConfiguration.class);

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(
      name = "secureoverlay.cluster.mode",
      havingValue = "sandbox",
      matchIfMissing = true)
  public SandboxCluster sandboxCluster(SandboxProperties properties) {
    SandboxCluster sandbox = SandboxCluster.start(SandboxOptions.of(properties.nodes()));
    sandbox.editSpec(spec -> spec.setRetireGracePeriod(properties.retireGracePeriod()));
    return sandbox;
  }

  @Bean(destroyMethod = "close")
  public KubernetesClient kubernetesClient(
      ClusterIdentity cluster, ObjectProvider<SandboxCluster> sandbox) {
    if (cluster.isSimulated()) {
      String url = sandbox.getObject().apiUrl();
      LOG.info("event=cluster_connection mode=sandbox api={}", url);
      // The sandbox's own settings: nothing from the operator's kubeconfig reaches the sandbox.
      return new KubernetesClientBuilder().withConfig(sandbox.getObject().clientConfig()).build();
    }
    KubernetesClient client = new KubernetesClientBuilder().build();
    LOG.info(
        "event=cluster_connection mode=real cluster={} api={}",
        cluster.name(),
        client.getConfiguration().getMasterUrl());
    return client;
  }
}
