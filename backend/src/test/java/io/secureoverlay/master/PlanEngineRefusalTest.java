package io.secureoverlay.master;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.protocol.ConditionStatus;
import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.protocol.StatusCondition;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input is refused with a condition and an event naming the field; the plan stays. */
class PlanEngineRefusalTest {

  private final EngineRig rig = new EngineRig(3);
  private SecureOverlayStatus before;

  @BeforeEach
  void enabled() {
    rig.enable();
    rig.ackAll();
    rig.round();
    before = rig.status.copy();
  }

  @Test
  void anInvalidSpecChangesNothingAndSaysWhichField() {
    rig.spec.setAckTimeout("5s");
    rig.spec.setRotateNowToken("now");
    rig.specChanged();

    PlanDecision d = rig.round();

    assertUnchangedPlan(d);
    assertRefused("InvalidSpec", "spec.ackTimeout");
    assertThat(rig.status.getHandledRotateNowToken()).isNull();
    assertThat(d.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(PlanEvent.Type.WARNING);
              assertThat(e.reason()).isEqualTo("InvalidSpec");
              assertThat(e.message()).contains("spec.ackTimeout", "'5s' is too short");
            });

    assertThat(rig.round().events()).as("said once").isEmpty();
  }

  @Test
  void fixingTheSpecResumesWhereThePlanStood() {
    rig.spec.setCipher("des");
    rig.specChanged();
    rig.round();
    assertRefused("InvalidSpec", "spec.cipher");

    rig.spec.setCipher("aes-gcm-128");
    rig.specChanged();
    rig.round();

    assertThat(rig.status.getPhase()).isEqualTo(OverlayPhase.ENABLED);
    assertThat(rig.condition(StatusCondition.DEGRADED).status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(rig.condition(StatusCondition.READY).status()).isEqualTo(ConditionStatus.TRUE);
    assertThat(rig.reasons()).contains("InputAccepted");
    assertThat(rig.status.getPlanRevision()).isEqualTo(before.getPlanRevision());
  }

  @Test
  void aMalformedKeysSecretIsRefusedNamingItsField() {
    rig.keys = new KeysView.Malformed("data.epoch-1", "31 bytes, expected 32");

    PlanDecision d = rig.round();

    assertUnchangedPlan(d);
    assertRefused("KeysSecretInvalid", "data.epoch-1: 31 bytes, expected 32");
    assertThat(d.keyChanges()).isEmpty();
  }

  @Test
  void aMissingKeysSecretWhileEpochsAreLiveIsRefusedAndNotRecreated() {
    rig.keys = new KeysView.Absent();

    PlanDecision d = rig.round();

    assertUnchangedPlan(d);
    assertRefused("KeysSecretMissing", "epochs [1] are live");
    assertThat(d.keyChanges()).isEmpty();
  }

  @Test
  void aSecretWithoutALiveEpochIsRefused() {
    rig.keys = new KeysView.Present(Cipher.AES_GCM_128, IcvLength.ICV_64, new TreeMap<>());

    PlanDecision d = rig.round();

    assertUnchangedPlan(d);
    assertRefused("KeysSecretInvalid", "data.epoch-1: missing");
  }

  @Test
  void changingTheCipherWhileEncryptingIsRefused() {
    rig.spec.setCipher("aes-gcm-256");
    rig.specChanged();

    PlanDecision d = rig.round();

    assertUnchangedPlan(d);
    assertRefused("CipherChangeRefused", "spec.cipher: aes-gcm-256 differs");
  }

  @Test
  void theCipherChangesWithADisableAndAnEnable() {
    rig.spec.setCipher("aes-gcm-256");
    rig.spec.setEnabled(false);
    rig.specChanged();
    rig.settle();
    rig.spec.setEnabled(true);
    rig.specChanged();
    rig.settle();

    assertThat(((KeysView.Present) rig.keys).cipher()).isEqualTo(Cipher.AES_GCM_256);
    assertThat(rig.status.getPhase()).isEqualTo(OverlayPhase.ENABLED);
  }

  @Test
  void anInvalidSpecBeforeAnyPlanWritesConditionsOnly() {
    EngineRig fresh = new EngineRig(2);
    fresh.spec.setIcvBits(100);

    PlanDecision d = fresh.round();

    assertThat(d.planChanged()).isFalse();
    assertThat(fresh.status.getPlanRevision()).isNull();
    assertThat(fresh.status.getNodes()).isEmpty();
    assertThat(fresh.condition(StatusCondition.DEGRADED).message()).contains("spec.icvBits");
  }

  private void assertUnchangedPlan(PlanDecision d) {
    assertThat(d.planChanged()).isFalse();
    SecureOverlayStatus now = rig.status;
    assertThat(now.getPlanRevision()).isEqualTo(before.getPlanRevision());
    assertThat(now.getAckRevision()).isEqualTo(before.getAckRevision());
    assertThat(now.getEpochs()).isEqualTo(before.getEpochs());
    assertThat(now.getNodes()).isEqualTo(before.getNodes());
    assertThat(now.getOutboundEpoch()).isEqualTo(before.getOutboundEpoch());
    assertThat(now.getEnforcing()).isEqualTo(before.getEnforcing());
    assertThat(now.getTransition()).isEqualTo(before.getTransition());
  }

  private void assertRefused(String reason, String fieldText) {
    assertThat(rig.status.getPhase()).isEqualTo(OverlayPhase.DEGRADED);
    StatusCondition degraded = rig.condition(StatusCondition.DEGRADED);
    assertThat(degraded.status()).isEqualTo(ConditionStatus.TRUE);
    assertThat(degraded.reason()).isEqualTo(reason);
    assertThat(degraded.message()).contains(fieldText);
    assertThat(degraded.observedGeneration()).isEqualTo(rig.generation);
    StatusCondition ready = rig.condition(StatusCondition.READY);
    assertThat(ready.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(ready.reason()).isEqualTo(reason);
  }
}
