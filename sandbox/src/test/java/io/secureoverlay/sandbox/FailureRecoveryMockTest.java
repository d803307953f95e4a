package io.secureoverlay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The parts that fail: an agent, the master, the API server. Each time the cluster converges with
 * nothing lost, and the data planes stay as they were while their controller is away.
 */
class FailureRecoveryMockTest {

  @Test
  void anAgentKilledMidPhaseAndRestartedCatchesUpWithoutLoss() {
    try (SandboxRun run = NodeChurnMockTest.enabled(8)) {
      SandboxCluster cluster = run.cluster;
      String victim = cluster.nodeNames().get(3);
      cluster.rotateNow();
      run.awaitStep("InstallInbound");
      cluster.killAgent(victim);
      List<Object> frozen = run.installed(victim);

      // The rotation cannot pass the barrier without the dead agent; its data plane stays put.
      run.rounds(50);
      assertThat(run.installed(victim)).isEqualTo(frozen);
      cluster.restartAgent(victim);
      run.settle("agent killed mid-rotation and restarted");
      run.assertNothingLostInTotal();
    }
  }

  @Test
  void theMasterKilledMidRotationIsReplacedByASecondReplicaThatFinishesIt() {
    try (SandboxRun run = NodeChurnMockTest.enabled(8)) {
      SandboxCluster cluster = run.cluster;
      String standby = cluster.startMaster();
      long before = cluster.overlay().getStatus().getOutboundEpoch();
      cluster.rotateNow();
      run.awaitStep("SwitchOutbound");
      String killed = cluster.killMaster();

      run.settle("master killed mid-rotation");
      assertThat(cluster.leader()).hasValue(standby);
      assertThat(killed).isNotEqualTo(standby);
      assertThat(cluster.overlay().getStatus().getOutboundEpoch()).isEqualTo(before + 1);
      run.assertNothingLostInTotal();
    }
  }

  @Test
  void whileTheApiServerIsAwayNothingChangesAndAfterwardsEverythingCatchesUp() {
    try (SandboxRun run = NodeChurnMockTest.enabled(8)) {
      SandboxCluster cluster = run.cluster;
      cluster.rotateNow();
      run.awaitStep("InstallInbound");
      cluster.apiDown();
      // Whatever an agent had already received lands; after that nothing moves.
      AtomicReference<Map<String, List<Object>>> last = new AtomicReference<>(run.dataplanes());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                run.rounds(20);
                return last.getAndSet(run.dataplanes()).equals(last.get());
              });
      Map<String, List<Object>> whileAway = run.dataplanes();
      run.rounds(300);
      assertThat(run.dataplanes()).isEqualTo(whileAway);
      assertThat(cluster.traffic().takeInterval().lost()).isZero();

      cluster.apiUp();
      run.settle("API server back");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> cluster.overlay().getStatus().getTransition() == null);
      run.assertNothingLostInTotal();
    }
  }
}
