package io.secureoverlay.master;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What the keys Secret must hold at each point, as key changes. */
class EpochKeysTest {

  @Test
  void anEpochLeftOverFromACrashIsDroppedWhenNothingNeedsIt() {
    EngineRig rig = new EngineRig(2);
    rig.settle();
    rig.keys = present(Cipher.AES_GCM_128, 1L);

    PlanDecision d = rig.round();

    assertThat(d.keyChanges()).containsExactly(new KeyChange.DropEpochs(set(1L)));
  }

  @Test
  void anEpochCreatedBeforeACrashIsAdoptedNotCreatedAgain() {
    EngineRig rig = new EngineRig(2);
    rig.settle();
    rig.keys = present(Cipher.AES_GCM_128, 1L);
    rig.spec.setEnabled(true);
    rig.specChanged();

    PlanDecision d = rig.round();

    assertThat(d.keyChanges()).isEmpty();
    assertThat(rig.status.getEpochs()).extracting(e -> e.number()).containsExactly(1L);
    assertThat(rig.status.getLastEpoch()).isEqualTo(1);
  }

  @Test
  void aLeftOverEpochOfAnotherCipherIsReplacedBeforeEnabling() {
    EngineRig rig = new EngineRig(2);
    rig.settle();
    rig.keys = present(Cipher.AES_GCM_256, 1L);
    rig.spec.setEnabled(true);
    rig.specChanged();

    PlanDecision d = rig.round();

    assertThat(d.keyChanges())
        .containsExactly(
            new KeyChange.DropEpochs(set(1L)),
            new KeyChange.CreateEpoch(1, Cipher.AES_GCM_128, IcvLength.ICV_64));
    assertThat(rig.status.getEpochs()).isEmpty();
  }

  @Test
  void epochNumbersNeverRepeatAcrossDisableAndEnable() {
    EngineRig rig = new EngineRig(2);
    rig.enable();
    rig.spec.setEnabled(false);
    rig.specChanged();
    rig.settle();
    assertThat(((KeysView.Present) rig.keys).fingerprints()).isEmpty();

    rig.spec.setEnabled(true);
    rig.specChanged();
    PlanDecision d = rig.round();

    assertThat(d.keyChanges())
        .containsExactly(new KeyChange.CreateEpoch(2, Cipher.AES_GCM_128, IcvLength.ICV_64));
  }

  private static KeysView.Present present(Cipher cipher, Long... epochs) {
    TreeMap<Long, String> fingerprints = new TreeMap<>();
    for (Long e : epochs) {
      fingerprints.put(e, "fp" + e);
    }
    return new KeysView.Present(cipher, IcvLength.ICV_64, fingerprints);
  }

  private static SortedSet<Long> set(Long... epochs) {
    return new TreeSet<>(List.of(epochs));
  }
}
