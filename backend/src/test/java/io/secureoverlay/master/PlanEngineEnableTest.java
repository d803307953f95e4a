package io.secureoverlay.master;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.protocol.ConditionStatus;
import io.secureoverlay.protocol.EpochState;
import io.secureoverlay.protocol.MemberState;
import io.secureoverlay.protocol.NodeSet;
import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.protocol.StatusCondition;
import io.secureoverlay.protocol.TransitionKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Enable, step by step: trust the new key, then use it, then enforce. */
class PlanEngineEnableTest {

  private final EngineRig rig = new EngineRig(3);

  @Test
  void theFirstRoundListsEveryNodeAsAMemberAndChangesNothingElse() {
    PlanDecision d = rig.round();

    assertThat(d.planChanged()).isTrue();
    assertThat(rig.status.getPlanRevision()).isEqualTo(1);
    assertThat(rig.status.getNodes())
        .extracting(r -> r.name() + "#" + r.index() + "@" + r.underlayIp() + ":" + r.state())
        .containsExactly("n1#0@192.0.2.1:MEMBER", "n2#1@192.0.2.2:MEMBER", "n3#2@192.0.2.3:MEMBER");
    assertThat(rig.status.getEpochs()).isEmpty();
    assertThat(rig.status.getPhase()).isEqualTo(OverlayPhase.DISABLED);
    assertThat(d.keyChanges()).isEmpty();
    assertThat(rig.reasons()).containsExactly("NodeJoined");
  }

  @Test
  void enablingFirstCreatesTheEpochSecretAndPublishesNothingThatNeedsIt() {
    rig.round();
    rig.ackAll();
    rig.spec.setEnabled(true);
    rig.specChanged();

    PlanDecision d = rig.round();

    assertThat(d.keyChanges())
        .containsExactly(new KeyChange.CreateEpoch(1, Cipher.AES_GCM_128, IcvLength.ICV_64));
    assertThat(rig.status.getEpochs()).isEmpty();
    assertThat(rig.status.getTransition()).isNull();
    assertThat(d.wantsImmediateFollowUp()).isTrue();
  }

  @Test
  void stepOneInstallsInboundSasAndWaitsForEveryAcknowledgement() {
    startEnable();

    assertThat(rig.status.getTransition().kind()).isEqualTo(TransitionKind.ENABLE);
    assertThat(rig.step()).isEqualTo("InstallInbound");
    assertThat(rig.epoch(1).state()).isEqualTo(EpochState.PENDING);
    assertThat(rig.epoch(1).fingerprint()).isEqualTo("fp1");
    assertThat(rig.status.getOutboundEpoch()).isNull();
    assertThat(rig.status.getAckRevision()).isEqualTo(rig.status.getPlanRevision());
    assertThat(rig.status.getPhase()).isEqualTo(OverlayPhase.ENABLING);
    assertThat(rig.reasons()).contains("EpochCreated", "EnableStarted", "StepStarted");

    long ackRevision = rig.status.getAckRevision();
    rig.ack("n1", "n2");
    rig.round();

    assertThat(rig.step()).isEqualTo("InstallInbound");
    assertThat(rig.epoch(1).inboundReady()).isEqualTo(NodeSet.of(0, 1));
    assertThat(rig.status.getAckRevision())
        .as("set growth asks for no new ack")
        .isEqualTo(ackRevision);
    assertThat(rig.status.getPlanRevision()).isGreaterThan(ackRevision);
  }

  @Test
  void stepTwoEncryptsOnceEveryNodeIsInboundReady() {
    startEnable();
    rig.ackAll();
    rig.round();

    assertThat(rig.step()).isEqualTo("Encrypt");
    assertThat(rig.epoch(1).state()).isEqualTo(EpochState.ACTIVE);
    assertThat(rig.epoch(1).inboundReady()).isEqualTo(NodeSet.range(0, 2));
    assertThat(rig.status.getOutboundEpoch()).isEqualTo(1);
    assertThat(rig.status.getEnforcing()).isNull();
  }

  @Test
  void stepThreeEnforcesOnlyWhenEveryoneEncryptsAndEndsEnabled() {
    rig.spec.setEnforce(true);
    startEnable();
    rig.ackAll();
    rig.round(); // Encrypt
    rig.ackAll();
    rig.round(); // Enforce

    assertThat(rig.step()).isEqualTo("Enforce");
    assertThat(rig.epoch(1).encrypting()).isEqualTo(NodeSet.range(0, 2));
    assertThat(rig.status.getEnforcing()).isEqualTo(NodeSet.range(0, 2));

    rig.ackAll();
    rig.round();

    assertThat(rig.status.getTransition()).isNull();
    assertThat(rig.status.getPhase()).isEqualTo(OverlayPhase.ENABLED);
    assertThat(rig.status.getLastRotationAt()).isEqualTo(rig.now);
    assertThat(rig.status.getNextRotationAt()).isEqualTo(rig.now.plus(Duration.ofHours(1)));
    assertThat(rig.status.getReadyNodes()).isEqualTo("3/3");
    StatusCondition ready = rig.condition(StatusCondition.READY);
    assertThat(ready.status()).isEqualTo(ConditionStatus.TRUE);
    assertThat(ready.reason()).isEqualTo("Encrypting");
    assertThat(ready.message()).contains("epoch 1", "fp1");
    assertThat(rig.condition(StatusCondition.PROGRESSING).reason()).isEqualTo("Idle");
    assertThat(rig.reasons()).contains("EnableCompleted");
  }

  @Test
  void aReportOfAnOlderRevisionDoesNotCountEvenIfItShowsTheState() {
    startEnable();
    rig.ackAll();
    rig.reports.get("n3").setObservedPlanRevision(rig.status.getAckRevision() - 1);

    rig.round();

    assertThat(rig.step()).isEqualTo("InstallInbound");
    assertThat(rig.condition(StatusCondition.READY).message()).contains("2/3");
  }

  @Test
  void aReportOfTheRightRevisionDoesNotCountIfTheStateIsMissing() {
    startEnable();
    rig.ackAll();
    rig.reports.get("n3").getInboundEpochs().clear();

    rig.round();

    assertThat(rig.step()).isEqualTo("InstallInbound");
    assertThat(rig.epoch(1).inboundReady()).isEqualTo(NodeSet.of(0, 1));
  }

  @Test
  void aNewMasterGivenTheSameInputDecidesTheSame() {
    startEnable();
    rig.ackAll();
    PlanInput input =
        new PlanInput(
            rig.spec,
            rig.generation,
            rig.status,
            java.util.List.copyOf(rig.nodes.values()),
            java.util.Map.copyOf(rig.reports),
            rig.keys,
            rig.now);

    PlanDecision first = new PlanEngine().decide(input);
    PlanDecision second = new PlanEngine().decide(input);

    assertThat(second.status()).isEqualTo(first.status());
    assertThat(second.events()).isEqualTo(first.events());
    assertThat(first.status().getTransition().step()).isEqualTo("Encrypt");
    assertThat(rig.status.getTransition().step()).as("input untouched").isEqualTo("InstallInbound");
  }

  @Test
  void everyRowIsAMemberWithNothingToProtect() {
    rig.round();
    assertThat(rig.status.getNodes()).allMatch(r -> r.state() == MemberState.MEMBER);
  }

  private void startEnable() {
    rig.round();
    rig.ackAll();
    rig.spec.setEnabled(true);
    rig.specChanged();
    rig.round(); // creates epoch 1 in the Secret
    rig.round(); // starts InstallInbound
  }
}
