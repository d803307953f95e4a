package io.secureoverlay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.protocol.SecureOverlayNode;
import org.junit.jupiter.api.Test;

/**
 * Fifty nodes: enable with enforcement, rotate five times, disable. Traffic flows between every
 * pair throughout; not one packet may be lost at any step, and each node may write its report at
 * most four times per transition.
 */
class EnableRotateDisableMockTest {

  private static final int NODES = 50;

  @Test
  void enableRotateFiveTimesAndDisableLoseNoPacket() {
    try (SandboxRun run = new SandboxRun(NODES)) {
      SandboxCluster cluster = run.cluster;
      assertThat(run.settle("plaintext before enabling").encrypted()).isZero();

      run.countFromHere();
      cluster.editSpec(
          s -> {
            s.setEnabled(true);
            s.setEnforce(true);
          });
      TrafficStats enabled = run.settle("enable");
      assertWritesPerNode(run, "enable");
      assertThat(cluster.overlay().getStatus().getPhase()).isEqualTo(OverlayPhase.ENABLED);
      TrafficStats after = run.settle("enabled, steady");
      assertThat(after.plaintext()).isZero();
      assertThat(after.encrypted()).isPositive();
      assertThat(enabled.encrypted()).isPositive();
      long firstEpoch = cluster.overlay().getStatus().getOutboundEpoch();

      for (int i = 1; i <= 5; i++) {
        run.countFromHere();
        cluster.rotateNow();
        run.settle("rotation " + i);
        assertWritesPerNode(run, "rotation " + i);
        assertThat(cluster.overlay().getStatus().getOutboundEpoch()).isEqualTo(firstEpoch + i);
        assertThat(run.settle("rotated " + i + ", steady").plaintext()).isZero();
      }
      for (SecureOverlayNode report : cluster.nodeReports()) {
        assertThat(report.getStatus().getOutboundEpoch()).isEqualTo(firstEpoch + 5);
        assertThat(report.getStatus().getInboundEpochs()).containsExactly(firstEpoch + 5);
        assertThat(report.getStatus().getEnforce()).isTrue();
      }

      run.countFromHere();
      cluster.disable();
      run.settle("disable");
      assertWritesPerNode(run, "disable");
      assertThat(run.settle("disabled, steady").encrypted()).isZero();
      for (String node : cluster.nodeNames()) {
        assertThat(cluster.dataplane(node).allSas()).as(node).isEmpty();
        assertThat(cluster.dataplane(node).allPolicies()).as(node).isEmpty();
      }
      run.assertNothingLostInTotal();
    }
  }

  private static void assertWritesPerNode(SandboxRun run, String transition) {
    ApiRequestCounts counts = run.counted();
    double perNode = counts.writes("secureoverlaynodes") / (double) NODES;
    System.out.printf(
        "[sandbox] %s: %d node-report writes (%.2f per node, max %d), %d other writes %s%n",
        transition,
        counts.writes("secureoverlaynodes"),
        perNode,
        counts.maxNodeReportWrites(),
        counts.writes() - counts.writes("secureoverlaynodes"),
        counts.writesByKind());
    assertThat(counts.maxNodeReportWrites())
        .as("writes of one node in " + transition)
        .isLessThanOrEqualTo(4);
  }
}
