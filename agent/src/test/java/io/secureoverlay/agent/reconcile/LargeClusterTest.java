package io.secureoverlay.agent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.dataplane.TrafficReport;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Scale check for the sandbox: enabling encryption on a 150-node simulated cluster (22,350
 * directional pairs, 44,700 SAs) converges and every pair then carries ESP. Traffic runs once per
 * phase here, not per change, to keep it a unit test.
 */
class LargeClusterTest {

  @Test
  void aHundredAndFiftyNodesEncryptEveryPair() {
    try (SimulatedCluster cluster = new SimulatedCluster(150)) {
      cluster.dataplanes.values().forEach(dp -> dp.afterEachChange(() -> {}));
      long started = System.nanoTime();

      cluster.converge(
          cluster.intent(
              List.of(1L), OptionalLong.empty(), Map.of(1L, Set.of()), Set.of(), Set.of()));
      cluster.converge(
          cluster.intent(
              List.of(1L), OptionalLong.of(1), Map.of(1L, cluster.all()), Set.of(), Set.of()));
      long reconciled = System.nanoTime();
      cluster.sendBetweenAll();
      TrafficReport traffic = cluster.takeTraffic();
      long sent = System.nanoTime();

      System.out.printf(
          "[scale] 150 nodes: reconcile %d ms, %d packets in %d ms: %s%n",
          (reconciled - started) / 1_000_000,
          traffic.sent(),
          (sent - reconciled) / 1_000_000,
          traffic);
      assertThat(traffic.sent()).isEqualTo(150 * 149);
      assertThat(traffic.encrypted()).isEqualTo(traffic.sent());
      assertThat(cluster.simulated("node-1").dumpSas()).hasSize(2 * 149);
    }
  }
}
