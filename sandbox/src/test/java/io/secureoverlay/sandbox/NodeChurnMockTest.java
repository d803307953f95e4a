package io.secureoverlay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.SecureOverlayNode;
import org.junit.jupiter.api.Test;

/**
 * Nodes joining and leaving while a rotation is under way: the newcomer sends plaintext until it is
 * admitted, a leaving node's SAs go only after nobody uses them, and nothing is lost either way.
 */
class NodeChurnMockTest {

  @Test
  void aNodeJoiningDuringARotationLosesNoPacketAndEndsUpEncrypting() {
    try (SandboxRun run = enabled(12)) {
      SandboxCluster cluster = run.cluster;
      cluster.rotateNow();
      run.awaitStep("InstallInbound");
      String newcomer = cluster.addNode();
      run.settle("join during rotation");

      SecureOverlayNode report =
          cluster.nodeReports().stream()
              .filter(n -> n.getMetadata().getName().equals(newcomer))
              .findFirst()
              .orElseThrow();
      long epoch = cluster.overlay().getStatus().getOutboundEpoch();
      assertThat(report.getStatus().getOutboundEpoch()).isEqualTo(epoch);
      assertThat(report.getStatus().getEncryptingTo().size()).isEqualTo(12);
      assertThat(run.settle("after the join").plaintext()).isZero();
      run.assertNothingLostInTotal();
    }
  }

  @Test
  void aNodeRemovedDuringARotationLosesNoPacketAndLeavesNothingBehind() {
    try (SandboxRun run = enabled(12)) {
      SandboxCluster cluster = run.cluster;
      String leaving = cluster.nodeNames().get(4);
      cluster.rotateNow();
      run.awaitStep("SwitchOutbound");
      cluster.removeNode(leaving);
      run.settle("removal during rotation");

      assertThat(cluster.overlay().getStatus().getNodes())
          .filteredOn(r -> r.effectiveState().isListed())
          .extracting(IndexedNode::name)
          .doesNotContain(leaving)
          .hasSize(11);
      for (String node : cluster.nodeNames()) {
        assertThat(cluster.dataplane(node).dumpSas()).as(node).hasSize(2 * 10);
      }
      assertThat(run.settle("after the removal").plaintext()).isZero();
      run.assertNothingLostInTotal();
    }
  }

  static SandboxRun enabled(int nodes) {
    SandboxRun run = new SandboxRun(nodes);
    run.cluster.editSpec(
        s -> {
          s.setEnabled(true);
          s.setEnforce(true);
        });
    run.settle("enable");
    return run;
  }
}
