package io.secureoverlay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.secureoverlay.agent.kube.NodeAddresses;
import io.secureoverlay.protocol.SecureOverlay;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The sandbox as it starts: objects as a real cluster would hold them, agents reporting, traffic.
 */
class SandboxStartMockTest {

  @Test
  void sixNodesStartWithCalicoAddressesReportOverHttpAndCarryPlaintext() {
    long started = System.nanoTime();
    try (SandboxCluster cluster = SandboxCluster.start(SandboxOptions.of(6))) {
      System.out.printf(
          "[sandbox] 6 nodes started in %d ms%n", (System.nanoTime() - started) / 1_000_000);

      assertThat(cluster.client().nodes().list().getItems())
          .extracting(
              n -> n.getMetadata().getAnnotations().get(NodeAddresses.CALICO_IPV4_ANNOTATION))
          .containsExactly(
              "192.0.2.1/24",
              "192.0.2.2/24",
              "192.0.2.3/24",
              "192.0.2.4/24",
              "192.0.2.5/24",
              "192.0.2.6/24");
      SecureOverlay overlay = cluster.overlay();
      assertThat(overlay.getSpec().getEnabled()).isFalse();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(cluster.nodeReports())
                      .extracting(r -> r.getStatus() == null ? null : r.getStatus().getUnderlayIp())
                      .containsExactlyInAnyOrder(
                          "192.0.2.1",
                          "192.0.2.2",
                          "192.0.2.3",
                          "192.0.2.4",
                          "192.0.2.5",
                          "192.0.2.6"));
      TrafficStats traffic = cluster.traffic().total();
      assertThat(traffic.plaintext()).isPositive();
      assertThat(traffic.encrypted()).isZero();
      assertThat(traffic.lost()).isZero();
    }
  }

  @Test
  void largeClustersUseTheSharedRangeBeyondTestNet() {
    assertThat(SandboxAddresses.underlay(0).getHostAddress()).isEqualTo("192.0.2.1");
    assertThat(SandboxAddresses.underlay(253).getHostAddress()).isEqualTo("192.0.2.254");
    assertThat(SandboxAddresses.underlay(254).getHostAddress()).isEqualTo("100.64.0.1");
    assertThat(SandboxAddresses.underlay(254 + 254).getHostAddress()).isEqualTo("100.64.1.1");
    assertThat(SandboxAddresses.underlay(1_253).getHostAddress()).isEqualTo("100.64.3.238");
    assertThat(SandboxAddresses.nodeName(999)).isEqualTo("node-1000");
  }
}
