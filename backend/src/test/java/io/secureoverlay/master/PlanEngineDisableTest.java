package io.secureoverlay.master;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.protocol.ConditionStatus;
import io.secureoverlay.protocol.EpochState;
import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.protocol.StatusCondition;
import io.secureoverlay.protocol.TransitionKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Disable, the reverse of enable: stop enforcing, stop encrypting, remove the SAs. */
class PlanEngineDisableTest {

  private final EngineRig rig = new EngineRig(3);

  @BeforeEach
  void enabled() {
    rig.spec.setEnforce(true);
    rig.enable();
  }

  @Test
  void disableRunsItsThreeStepsAndDropsEveryEpoch() {
    disable();
    PlanDecision first = rig.round();
    assertThat(rig.status.getTransition().kind()).isEqualTo(TransitionKind.DISABLE);
    assertThat(rig.step()).isEqualTo("StopEnforcing");
    assertThat(rig.status.getEnforcing()).isNull();
    assertThat(rig.epoch(1).encrypting().isEmpty()).isTrue();
    assertThat(rig.status.getOutboundEpoch()).as("still encrypting").isEqualTo(1);
    assertThat(first.keyChanges()).isEmpty();

    rig.ackAll();
    rig.round();
    assertThat(rig.step()).isEqualTo("StopEncrypting");
    assertThat(rig.status.getOutboundEpoch()).isNull();
    assertThat(rig.epoch(1).state()).isEqualTo(EpochState.RETIRING);

    rig.ackAll();
    rig.round();
    assertThat(rig.step()).isEqualTo("RemoveSas");
    assertThat(rig.status.getEpochs()).isEmpty();
    assertThat(rig.last.keyChanges()).as("secrets stay until every node removed the SAs").isEmpty();

    rig.ackAll();
    PlanDecision done = rig.round();
    assertThat(rig.status.getTransition()).isNull();
    assertThat(rig.status.getPhase()).isEqualTo(OverlayPhase.DISABLED);
    assertThat(done.keyChanges()).singleElement().isInstanceOf(KeyChange.DropEpochs.class);
    assertThat(rig.status.getNextRotationAt()).isNull();
    assertThat(rig.condition(StatusCondition.READY).reason()).isEqualTo("Plaintext");
    assertThat(rig.condition(StatusCondition.READY).status()).isEqualTo(ConditionStatus.TRUE);
    assertThat(rig.reasons()).contains("DisableStarted", "DisableCompleted");
  }

  @Test
  void disableInterruptsARotationAndRemovesBothEpochs() {
    rig.spec.setRotateNowToken("x");
    rig.specChanged();
    rig.round();
    rig.round();
    rig.ackAll();
    rig.round();
    assertThat(rig.step()).isEqualTo("SwitchOutbound");

    disable();
    rig.round();

    assertThat(rig.status.getTransition().kind()).isEqualTo(TransitionKind.DISABLE);
    assertThat(rig.reasons()).contains("RotationInterrupted");
    rig.settle();
    assertThat(rig.status.getEpochs()).isEmpty();
    assertThat(((KeysView.Present) rig.keys).fingerprints()).isEmpty();
    assertThat(rig.status.getPhase()).isEqualTo(OverlayPhase.DISABLED);
  }

  @Test
  void enablingAgainAfterADisableUsesAFreshEpochNumber() {
    disable();
    rig.settle();

    rig.spec.setEnabled(true);
    rig.specChanged();
    rig.settle();

    assertThat(rig.status.getOutboundEpoch()).isEqualTo(2);
    assertThat(rig.status.getLastEpoch()).isEqualTo(2);
  }

  @Test
  void enableDuringADisableWaitsForTheDisableToEnd() {
    disable();
    rig.round();
    rig.spec.setEnabled(true);
    rig.specChanged();

    rig.ackAll();
    rig.round();

    assertThat(rig.status.getTransition().kind()).isEqualTo(TransitionKind.DISABLE);
    rig.settle();
    assertThat(rig.status.getPhase()).isEqualTo(OverlayPhase.ENABLED);
    assertThat(rig.status.getOutboundEpoch()).isEqualTo(2);
  }

  @Test
  void aRotateNowTokenWhileDisabledIsRecordedAndIgnored() {
    disable();
    rig.settle();
    rig.spec.setRotateNowToken("t");
    rig.specChanged();

    PlanDecision d = rig.round();

    assertThat(d.planChanged()).isFalse();
    assertThat(rig.status.getHandledRotateNowToken()).isEqualTo("t");
    assertThat(rig.reasons()).contains("RotateNowIgnored");
  }

  private void disable() {
    rig.spec.setEnabled(false);
    rig.specChanged();
  }
}
