package io.secureoverlay.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureoverlay.protocol.ConditionStatus;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.protocol.StatusCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeHealthJudgeTest {

  private static final Instant NOW = SyntheticCluster.NOW;
  private final NodeHealthJudge judge = NodeHealthJudge.withDefaultHeartbeat();

  private static SecureOverlayNodeStatus report() {
    SyntheticCluster cluster = SyntheticCluster.encrypted(1);
    return cluster.snapshot().nodes().get(0).getStatus();
  }

  @Test
  void aFreshInSyncReportIsHealthy() {
    HealthVerdict verdict = judge.judge(report(), false, NOW);

    assertThat(verdict.health()).isEqualTo(NodeHealth.HEALTHY);
    assertThat(verdict.reasons()).isEmpty();
  }

  @Test
  void aPlannedNodeWithoutReportIsMissing() {
    HealthVerdict verdict = judge.judge(null, false, NOW);

    assertThat(verdict.health()).isEqualTo(NodeHealth.MISSING);
    assertThat(verdict.reasons()).singleElement().asString().contains("has not written");
  }

  @Test
  void theMastersLaggingListMakesANodeLagging() {
    HealthVerdict verdict = judge.judge(report(), true, NOW);

    assertThat(verdict.health()).isEqualTo(NodeHealth.LAGGING);
    assertThat(verdict.reasons()).singleElement().asString().contains("did not acknowledge");
  }

  @Test
  void readyFalseIsUnhealthyWithItsReasonAndMessage() {
    SecureOverlayNodeStatus s = report();
    s.setConditions(
        List.of(
            new StatusCondition(
                StatusCondition.READY,
                ConditionStatus.FALSE,
                "ReconcileFailed",
                "2 SAs could not be installed",
                NOW,
                null)));

    HealthVerdict verdict = judge.judge(s, false, NOW);

    assertThat(verdict.health()).isEqualTo(NodeHealth.UNHEALTHY);
    assertThat(verdict.reasons())
        .containsExactly("Ready is False (ReconcileFailed): 2 SAs could not be installed");
  }

  @Test
  void aLastErrorIsUnhealthy() {
    SecureOverlayNodeStatus s = report();
    s.setLastError("netlink: EEXIST adding SA");

    HealthVerdict verdict = judge.judge(s, false, NOW);

    assertThat(verdict.health()).isEqualTo(NodeHealth.UNHEALTHY);
    assertThat(verdict.reasons()).containsExactly("last error: netlink: EEXIST adding SA");
  }

  @Test
  void aHeartbeatOlderThanThreeIntervalsIsUnhealthyButNinetySecondsIsNot() {
    SecureOverlayNodeStatus s = report();
    s.setHeartbeat(NOW.minusSeconds(90));
    assertThat(judge.judge(s, false, NOW).health()).isEqualTo(NodeHealth.HEALTHY);

    s.setHeartbeat(NOW.minusSeconds(91));
    HealthVerdict verdict = judge.judge(s, false, NOW);

    assertThat(verdict.health()).isEqualTo(NodeHealth.UNHEALTHY);
    assertThat(verdict.reasons())
        .containsExactly("no heartbeat for 91 s (expected every 30 s; unhealthy after 90 s)");
  }

  @Test
  void noHeartbeatAtAllIsUnhealthy() {
    SecureOverlayNodeStatus s = report();
    s.setHeartbeat(null);

    assertThat(judge.judge(s, false, NOW).reasons()).containsExactly("no heartbeat reported");
  }

  @Test
  void aHeartbeatFromAClockAheadCountsAsFresh() {
    SecureOverlayNodeStatus s = report();
    s.setHeartbeat(NOW.plusSeconds(600));

    assertThat(judge.judge(s, false, NOW).health()).isEqualTo(NodeHealth.HEALTHY);
  }

  @Test
  void unhealthyOutranksLaggingAndKeepsBothReasons() {
    SecureOverlayNodeStatus s = report();
    s.setLastError("boom");

    HealthVerdict verdict = judge.judge(s, true, NOW);

    assertThat(verdict.health()).isEqualTo(NodeHealth.UNHEALTHY);
    assertThat(verdict.reasons()).hasSize(2);
  }

  @Test
  void theStaleLimitFollowsTheExpectedInterval() {
    assertThat(new NodeHealthJudge(Duration.ofSeconds(10)).staleAfter())
        .isEqualTo(Duration.ofSeconds(30));
    assertThatThrownBy(() -> new NodeHealthJudge(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expectedHeartbeat");
  }

  @Test
  void theModelJudgesEveryNodeAndCountsThem() {
    TopologyModel model =
        SyntheticCluster.encrypted(4)
            .withoutReport(1)
            .lagging(2)
            .edit(3, s -> s.setLastError("boom"))
            .model();

    assertThat(model.healthCounts())
        .containsEntry(NodeHealth.HEALTHY, 1L)
        .containsEntry(NodeHealth.MISSING, 1L)
        .containsEntry(NodeHealth.LAGGING, 1L)
        .containsEntry(NodeHealth.UNHEALTHY, 1L);
    assertThat(model.node("node-001").orElseThrow().health().health())
        .isEqualTo(NodeHealth.MISSING);
  }
}
