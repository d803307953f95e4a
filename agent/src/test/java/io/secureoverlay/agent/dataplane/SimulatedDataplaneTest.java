package io.secureoverlay.agent.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.dataplane.ChangeResult.Status;
import io.secureoverlay.agent.dataplane.DataplaneChange.AddSa;
import io.secureoverlay.agent.dataplane.DataplaneChange.UpdateSa;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedDataplaneTest extends AbstractDataplaneContractTest {

  private SimulatedDataplane simulated;

  @Override
  protected Dataplane createDataplane() {
    simulated = new SimulatedDataplane();
    return simulated;
  }

  @Override
  protected void seedForeignSa(SaSpec sa) {
    simulated.seedForeignSa(sa);
  }

  @Override
  protected void seedForeignPolicy(Policy policy) {
    simulated.seedForeignPolicy(policy);
  }

  @Override
  protected boolean foreignSaInstalled(SaId id) {
    return simulated.allSas().stream().anyMatch(sa -> sa.id().equals(id));
  }

  @Override
  protected boolean foreignPolicyInstalled(PolicyId id) {
    return simulated.allPolicies().stream().anyMatch(p -> p.id().equals(id));
  }

  @Test
  void aLiveSaKeepsItsKeyAsInTheKernel() {
    try (SecretBytes k1 = DataplaneFixtures.key(Cipher.AES_GCM_128, 1);
        SecretBytes k2 = DataplaneFixtures.key(Cipher.AES_GCM_128, 2)) {
      SaSpec sa = DataplaneFixtures.sa(SELF, PEER, 0x5E000001, OwnedReqids.outbound(1), k1);
      SaSpec rekeyed = DataplaneFixtures.sa(SELF, PEER, 0x5E000001, OwnedReqids.outbound(1), k2);
      dataplane.apply(List.of(new AddSa(sa)));

      assertThat(dataplane.apply(List.of(new UpdateSa(rekeyed))))
          .extracting(ChangeResult::status)
          .containsExactly(Status.INVALID);
      assertThat(dataplane.getSa(sa.id()).orElseThrow().keyFingerprint())
          .isEqualTo(k1.fingerprint());
    }
  }

  @Test
  void anSaWhoseKeyWasAlreadyZeroedIsRefused() {
    SecretBytes key = DataplaneFixtures.key(Cipher.AES_GCM_128, 1);
    SaSpec sa = DataplaneFixtures.sa(SELF, PEER, 0x5E000001, OwnedReqids.outbound(1), key);
    key.close();

    assertThat(dataplane.apply(List.of(new AddSa(sa))))
        .extracting(ChangeResult::status)
        .containsExactly(Status.INVALID);
    assertThat(dataplane.dumpSas()).isEmpty();
  }
}
