package io.secureoverlay.master;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.protocol.ConditionStatus;
import io.secureoverlay.protocol.MemberState;
import io.secureoverlay.protocol.StatusCondition;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A node that does not acknowledge: lagging, then excluded, then back. */
class PlanEngineHealthTest {

  private final EngineRig rig = new EngineRig(4);

  @BeforeEach
  void enabledAndRotating() {
    rig.spec.setEnforce(true);
    rig.enable();
    rig.spec.setRotateNowToken("r");
    rig.specChanged();
    rig.round();
    rig.round();
    assertThat(rig.step()).isEqualTo("InstallInbound");
    rig.ack("n1", "n2", "n3"); // n4 is silent from here on
    rig.round();
  }

  @Test
  void aSilentNodeHoldsTheStepUntilItIsLagging() {
    assertThat(rig.step()).isEqualTo("InstallInbound");
    assertThat(rig.status.getLagging()).isEmpty();
    assertThat(rig.last.wakeAt()).contains(rig.row("n4").behindSince().plus(Duration.ofMinutes(1)));

    rig.advance(Duration.ofMinutes(1));
    rig.round();

    assertThat(rig.status.getLagging()).containsExactly("n4");
    assertThat(rig.step()).as("a lagging node is still waited for").isEqualTo("InstallInbound");
    StatusCondition degraded = rig.condition(StatusCondition.DEGRADED);
    assertThat(degraded.status()).isEqualTo(ConditionStatus.TRUE);
    assertThat(degraded.reason()).isEqualTo("NodesLagging");
    assertThat(degraded.message()).contains("n4");
    assertThat(rig.events)
        .filteredOn(e -> e.reason().equals("NodeLagging"))
        .singleElement()
        .satisfies(e -> assertThat(e.type()).isEqualTo(PlanEvent.Type.WARNING));

    rig.round();
    assertThat(rig.reasons()).filteredOn("NodeLagging"::equals).hasSize(1);
  }

  @Test
  void afterThreeAckTimeoutsTheNodeIsExcludedAndTheRotationGoesOn() {
    rig.advance(Duration.ofMinutes(3));
    rig.round();

    assertThat(rig.status.getExcluded()).containsExactly("n4");
    assertThat(rig.status.getLagging()).isEmpty();
    assertThat(rig.row("n4").state()).isEqualTo(MemberState.JOINING);
    assertThat(rig.status.getEnforcing().contains(rig.row("n4").index())).isFalse();
    assertThat(rig.condition(StatusCondition.DEGRADED).reason()).isEqualTo("NodesExcluded");
    assertThat(rig.reasons()).contains("NodeExcluded");
    assertThat(rig.step()).as("peers first apply the demotion").isEqualTo("InstallInbound");
    rig.ack("n1", "n2", "n3");
    rig.round();
    assertThat(rig.step()).isEqualTo("SwitchOutbound");

    for (int i = 0; i < 10; i++) {
      rig.ack("n1", "n2", "n3");
      rig.advance(Duration.ofSeconds(30));
      rig.round();
    }
    assertThat(rig.status.getTransition()).isNull();
    assertThat(rig.status.getOutboundEpoch()).isEqualTo(2);
  }

  @Test
  void anExcludedNodeThatReturnsCatchesUpAndIsAdmittedAgain() {
    rig.advance(Duration.ofMinutes(3));
    rig.round();
    for (int i = 0; i < 10; i++) {
      rig.ack("n1", "n2", "n3");
      rig.advance(Duration.ofSeconds(30));
      rig.round();
    }

    rig.settle(); // n4 acknowledges again, as everyone does in settle()

    assertThat(rig.row("n4").state()).isEqualTo(MemberState.MEMBER);
    assertThat(rig.status.getExcluded()).isEmpty();
    assertThat(rig.status.getEnforcing().contains(rig.row("n4").index())).isTrue();
    assertThat(rig.epoch(2).inboundReady().contains(rig.row("n4").index())).isTrue();
    assertThat(rig.reasons()).contains("NodeCaughtUp", "NodeAdmitted");
    assertThat(rig.condition(StatusCondition.DEGRADED).reason()).isEqualTo("AsExpected");
    assertThat(rig.condition(StatusCondition.READY).status()).isEqualTo(ConditionStatus.TRUE);
  }

  @Test
  void aLaggingNodeThatAcknowledgesIsNoLongerLagging() {
    rig.advance(Duration.ofMinutes(1));
    rig.round();
    assertThat(rig.status.getLagging()).containsExactly("n4");

    rig.ack("n4");
    rig.round();

    assertThat(rig.status.getLagging()).isEmpty();
    assertThat(rig.row("n4").state()).isEqualTo(MemberState.MEMBER);
    assertThat(rig.row("n4").behindSince())
        .as("the step moved on: a fresh clock for the next acknowledgement")
        .isEqualTo(rig.now);
    assertThat(rig.reasons()).contains("NodeCaughtUp");
  }

  @Test
  void theLagClockSurvivesANewMaster() {
    rig.advance(Duration.ofSeconds(50));
    rig.round();
    // A new leader starts from the persisted status: n4's clock is not reset.
    EngineRig fresh = new EngineRig(4);
    fresh.spec.setEnforce(true);
    fresh.spec.setEnabled(true);
    fresh.spec.setRotateNowToken("r");
    fresh.status = rig.status;
    fresh.keys = rig.keys;
    fresh.reports.putAll(rig.reports);
    fresh.now = rig.now.plus(Duration.ofSeconds(10));

    fresh.round();

    assertThat(fresh.status.getLagging()).containsExactly("n4");
  }

  @Test
  void aReplicaThatCouldNotSeeTheClusterBlamesNoNodeForTheGap() {
    rig.advance(Duration.ofMinutes(5)); // the API server was away; nobody could acknowledge
    rig.observingSince = rig.now;
    java.time.Instant persisted = rig.row("n4").behindSince();

    rig.round();

    assertThat(rig.status.getLagging()).isEmpty();
    assertThat(rig.status.getExcluded()).isEmpty();
    assertThat(rig.row("n4").state()).isEqualTo(MemberState.MEMBER);
    assertThat(rig.row("n4").behindSince()).as("the persisted clock is kept").isEqualTo(persisted);
    assertThat(rig.last.wakeAt()).contains(rig.now.plus(Duration.ofMinutes(1)));

    rig.advance(Duration.ofMinutes(1));
    rig.round();
    assertThat(rig.status.getLagging()).containsExactly("n4");
  }
}
