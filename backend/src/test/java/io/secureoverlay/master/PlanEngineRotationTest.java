package io.secureoverlay.master;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.protocol.EpochState;
import io.secureoverlay.protocol.NodeSet;
import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.protocol.TransitionKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rotation k -> k+1: trust k+1, switch to it, wait the grace period, drop k. */
class PlanEngineRotationTest {

  private final EngineRig rig = new EngineRig(3);

  @BeforeEach
  void enabled() {
    rig.spec.setEnforce(true);
    rig.enable();
    assertThat(rig.status.getPhase()).isEqualTo(OverlayPhase.ENABLED);
  }

  @Test
  void aNewRotateNowTokenRotatesOnceThroughEveryStep() {
    rig.spec.setRotateNowToken("now-1");
    rig.specChanged();

    PlanDecision create = rig.round();
    assertThat(create.keyChanges()).singleElement().isInstanceOf(KeyChange.CreateEpoch.class);
    assertThat(rig.status.getHandledRotateNowToken()).as("not before it starts").isNull();

    rig.round();
    assertThat(rig.status.getTransition().kind()).isEqualTo(TransitionKind.ROTATE);
    assertThat(rig.status.getTransition().fromEpoch()).isEqualTo(1);
    assertThat(rig.status.getTransition().toEpoch()).isEqualTo(2);
    assertThat(rig.step()).isEqualTo("InstallInbound");
    assertThat(rig.status.getHandledRotateNowToken()).isEqualTo("now-1");
    assertThat(rig.status.getOutboundEpoch()).isEqualTo(1);
    assertThat(rig.epoch(2).state()).isEqualTo(EpochState.PENDING);

    rig.ackAll();
    rig.round();
    assertThat(rig.step()).isEqualTo("SwitchOutbound");
    assertThat(rig.status.getOutboundEpoch()).isEqualTo(2);
    assertThat(rig.epoch(1).state()).isEqualTo(EpochState.RETIRING);
    assertThat(rig.epoch(2).state()).isEqualTo(EpochState.ACTIVE);
    assertThat(rig.status.getEnforcing())
        .as("enforcement does not flap during the switch")
        .isEqualTo(NodeSet.range(0, 2));

    rig.ackAll();
    PlanDecision grace = rig.round();
    assertThat(rig.step()).isEqualTo("RetireGrace");
    assertThat(rig.epoch(2).encrypting()).isEqualTo(NodeSet.range(0, 2));
    assertThat(rig.epoch(1).encrypting()).isEqualTo(NodeSet.empty());
    assertThat(grace.wakeAt()).contains(rig.now.plus(Duration.ofSeconds(30)));

    rig.advance(Duration.ofSeconds(29));
    rig.round();
    assertThat(rig.step()).as("within the grace period").isEqualTo("RetireGrace");

    rig.advance(Duration.ofSeconds(1));
    PlanDecision remove = rig.round();
    assertThat(rig.step()).isEqualTo("RemoveRetired");
    assertThat(rig.status.getEpochs()).extracting(e -> e.number()).containsExactly(2L);
    assertThat(remove.keyChanges()).as("epoch 1 stays until every node dropped it").isEmpty();

    rig.ackAll();
    PlanDecision done = rig.round();
    assertThat(rig.status.getTransition()).isNull();
    assertThat(rig.status.getPhase()).isEqualTo(OverlayPhase.ENABLED);
    assertThat(done.keyChanges())
        .containsExactly(new KeyChange.DropEpochs(new java.util.TreeSet<>(List.of(1L))));
    assertThat(rig.status.getLastRotationAt()).isEqualTo(rig.now);
    assertThat(rig.reasons()).contains("RotationStarted", "RotationCompleted", "EpochRetired");

    rig.ackAll();
    rig.round();
    assertThat(rig.status.getTransition()).as("the same token does not rotate again").isNull();
  }

  @Test
  void theScheduleRotatesWhenNextRotationAtPasses() {
    rig.advance(Duration.ofMinutes(59));
    rig.round();
    assertThat(rig.status.getTransition()).isNull();
    assertThat(rig.last.wakeAt()).contains(rig.status.getNextRotationAt());

    rig.advance(Duration.ofMinutes(1));
    rig.round();
    rig.round();

    assertThat(rig.status.getTransition().kind()).isEqualTo(TransitionKind.ROTATE);
    assertThat(rig.events)
        .filteredOn(e -> e.reason().equals("RotationStarted"))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("epoch 1 to 2", "rotationInterval"));
  }

  @Test
  void aShorterIntervalMovesTheNextRotationForward() {
    rig.spec.setRotationInterval("30m");
    rig.specChanged();

    rig.round();

    assertThat(rig.status.getNextRotationAt())
        .isEqualTo(rig.status.getLastRotationAt().plus(Duration.ofMinutes(30)));
  }

  @Test
  void aSoftLifetimeReportOfTheOutboundEpochRotatesEarly() {
    SecureOverlayNodeStatus n2 = rig.reports.get("n2");
    n2.setSoftExpiredEpochs(new ArrayList<>(List.of(1L)));

    rig.round();
    rig.round();

    assertThat(rig.status.getTransition().kind()).isEqualTo(TransitionKind.ROTATE);
    assertThat(rig.events)
        .filteredOn(e -> e.reason().equals("RotationStarted"))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("soft lifetime", "n2"));
  }

  @Test
  void aSoftLifetimeReportOfAnEpochNotInUseChangesNothing() {
    rig.reports.get("n2").setSoftExpiredEpochs(new ArrayList<>(List.of(7L)));

    PlanDecision d = rig.round();

    assertThat(rig.status.getTransition()).isNull();
    assertThat(d.keyChanges()).isEmpty();
  }

  @Test
  void aRotationRequestedWhileOneRunsWaitsForItsEnd() {
    rig.spec.setRotateNowToken("a");
    rig.specChanged();
    rig.round();
    rig.round();
    rig.spec.setRotateNowToken("b");
    rig.specChanged();

    rig.ackAll();
    rig.round();

    assertThat(rig.status.getTransition().toEpoch()).isEqualTo(2);
    assertThat(rig.status.getHandledRotateNowToken()).isEqualTo("a");
    rig.advance(Duration.ofMinutes(1));
    rig.settle();
    assertThat(rig.status.getHandledRotateNowToken()).isEqualTo("b");
    assertThat(rig.status.getOutboundEpoch()).isEqualTo(3);
    assertThat(rig.status.getLastEpoch()).isEqualTo(3);
  }

  @Test
  void atMostTwoEpochsAreInThePlanAndThreeInTheSecret() {
    int maxPlan = 0;
    int maxSecret = 0;
    for (int i = 0; i < 4; i++) {
      rig.spec.setRotateNowToken("r" + i);
      rig.specChanged();
      for (int round = 0; round < 20; round++) {
        rig.round();
        rig.ackAll();
        rig.advance(Duration.ofSeconds(10));
        maxPlan = Math.max(maxPlan, rig.status.getEpochs().size());
        maxSecret = Math.max(maxSecret, ((KeysView.Present) rig.keys).fingerprints().size());
      }
    }
    assertThat(rig.status.getOutboundEpoch()).isEqualTo(5);
    assertThat(maxPlan).isEqualTo(2);
    assertThat(maxSecret).isLessThanOrEqualTo(3);
  }
}
