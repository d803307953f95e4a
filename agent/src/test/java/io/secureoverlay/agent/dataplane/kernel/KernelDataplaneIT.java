package io.secureoverlay.agent.dataplane.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.dataplane.AbstractDataplaneContractTest;
import io.secureoverlay.agent.dataplane.ChangeResult;
import io.secureoverlay.agent.dataplane.ChangeResult.Status;
import io.secureoverlay.agent.dataplane.Dataplane;
import io.secureoverlay.agent.dataplane.DataplaneChange;
import io.secureoverlay.agent.dataplane.DataplaneChange.AddSa;
import io.secureoverlay.agent.dataplane.DataplaneChange.DeleteSa;
import io.secureoverlay.agent.dataplane.DataplaneChange.UpdateSa;
import io.secureoverlay.agent.dataplane.DataplaneFixtures;
import io.secureoverlay.agent.dataplane.OwnedReqids;
import io.secureoverlay.agent.dataplane.Policy;
import io.secureoverlay.agent.dataplane.PolicyId;
import io.secureoverlay.agent.dataplane.SaId;
import io.secureoverlay.agent.dataplane.SaSpec;
import io.secureoverlay.agent.netlink.LabNamespace;
import io.secureoverlay.agent.netlink.NetworkNamespace;
import io.secureoverlay.agent.xfrm.XfrmId;
import io.secureoverlay.agent.xfrm.XfrmProto;
import io.secureoverlay.agent.xfrm.XfrmStateKey;
import io.secureoverlay.agent.xfrm.client.XfrmClient;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reconciler's dataplane contract, run against the kernel's XFRM tables (the lab's 6.1) in a
 * fresh network namespace per test; foreign state is installed with {@code ip xfrm}, as another
 * IPsec user would, and looked for with a raw, ownership-blind client.
 */
class KernelDataplaneIT extends AbstractDataplaneContractTest {

  private LabNamespace lab;
  private NetworkNamespace namespace;
  private XfrmClient raw;

  @Override
  protected Dataplane createDataplane() {
    lab = LabNamespace.create("dp-it");
    namespace = lab.open();
    raw = XfrmClient.open(namespace);
    return KernelDataplane.open(namespace);
  }

  @AfterEach
  void dropNamespace() {
    raw.close();
    namespace.close();
    lab.close();
  }

  @Override
  protected void seedForeignSa(SaSpec sa) {
    String src = sa.source().getHostAddress();
    String dst = sa.id().destination().getHostAddress();
    lab.ip(
        "xfrm",
        "state",
        "add",
        "src",
        src,
        "dst",
        dst,
        "proto",
        "esp",
        "spi",
        String.format("0x%08x", sa.id().spi()),
        "reqid",
        Integer.toUnsignedString(sa.reqid()),
        "mode",
        "transport",
        "replay-window",
        Integer.toString(sa.replayWindow()),
        "aead",
        "rfc4106(gcm(aes))",
        "0x" + DataplaneFixtures.hex(sa.key()),
        Integer.toString(sa.icv().bits()),
        "sel",
        "src",
        src,
        "dst",
        dst,
        "proto",
        "4");
  }

  @Override
  protected void seedForeignPolicy(Policy policy) {
    lab.ip(
        "xfrm",
        "policy",
        "add",
        "src",
        policy.selector().source().getHostAddress() + "/" + policy.selector().sourcePrefix(),
        "dst",
        policy.selector().destination().getHostAddress() + "/" + policy.selector().destPrefix(),
        "proto",
        Integer.toString(policy.selector().protocol()),
        "dir",
        policy.direction().name().toLowerCase(java.util.Locale.ROOT),
        "priority",
        Integer.toString(policy.priority()),
        "tmpl",
        "src",
        policy.template().source().getHostAddress(),
        "dst",
        policy.template().destination().getHostAddress(),
        "proto",
        "esp",
        "reqid",
        Integer.toUnsignedString(policy.template().reqid()),
        "mode",
        "transport");
  }

  @Override
  protected boolean foreignSaInstalled(SaId id) {
    return raw.getState(XfrmStateKey.of(new XfrmId(id.destination(), id.spi(), XfrmProto.ESP)))
        .isPresent();
  }

  @Override
  protected boolean foreignPolicyInstalled(PolicyId id) {
    return raw.getPolicy(XfrmDataplaneMapping.toPolicyId(id)).isPresent();
  }

  @Test
  void aLiveSaKeepsItsKeyAndARekeyingUpdateIsRefused() {
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
  void anSaWhoseKeyWasAlreadyZeroedIsRefusedAndNothingInstalled() {
    SecretBytes key = DataplaneFixtures.key(Cipher.AES_GCM_128, 1);
    SaSpec sa = DataplaneFixtures.sa(SELF, PEER, 0x5E000001, OwnedReqids.outbound(1), key);
    key.close();
    assertThat(dataplane.apply(List.of(new AddSa(sa))))
        .extracting(ChangeResult::status)
        .containsExactly(Status.INVALID);
    assertThat(raw.states()).isEmpty();
  }

  @Test
  void changesToTheSameSaInOneApplySeeEachOther() {
    try (SecretBytes key = DataplaneFixtures.key(Cipher.AES_GCM_256, 3)) {
      SaSpec sa = DataplaneFixtures.sa(PEER, SELF, 0x5E000002, OwnedReqids.INBOUND, key);
      List<ChangeResult> results =
          dataplane.apply(
              List.of(new AddSa(sa), new DeleteSa(sa.id()), new DeleteSa(sa.id()), new AddSa(sa)));
      assertThat(results)
          .extracting(ChangeResult::status)
          .containsExactly(Status.OK, Status.OK, Status.NOT_FOUND, Status.OK);
      assertThat(dataplane.dumpSas()).hasSize(1);
    }
  }

  @Test
  void aThousandSasGoInOneApply() {
    List<SecretBytes> keys = new ArrayList<>();
    List<DataplaneChange> adds = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      SecretBytes key = DataplaneFixtures.key(Cipher.AES_GCM_128, i);
      keys.add(key);
      adds.add(
          new AddSa(DataplaneFixtures.sa(PEER, SELF, 0x5E000000 | i, OwnedReqids.INBOUND, key)));
    }
    try {
      assertThat(dataplane.apply(adds)).hasSize(1000).allMatch(ChangeResult::isOk);
      assertThat(dataplane.dumpSas()).hasSize(1000);
    } finally {
      keys.forEach(SecretBytes::close);
    }
  }

  @Test
  void aReplayWindowWiderThan32IsInstalledAndReportedBack() {
    try (SecretBytes key = DataplaneFixtures.key(Cipher.AES_GCM_128, 4)) {
      SaSpec base = DataplaneFixtures.sa(PEER, SELF, 0x5E000004, OwnedReqids.INBOUND, key);
      SaSpec wide =
          new SaSpec(
              base.id(),
              base.source(),
              base.selector(),
              base.mode(),
              base.reqid(),
              base.cipher(),
              base.icv(),
              key,
              200,
              base.lifetimes());
      assertThat(dataplane.apply(List.of(new AddSa(wide)))).allMatch(ChangeResult::isOk);
      assertThat(dataplane.getSa(wide.id()).orElseThrow().replayWindow()).isEqualTo(200);
      // ip prints a window kept in a bitmap under the ESN context, though ESN is off
      assertThat(lab.ip("xfrm", "state")).contains("replay_window 200").doesNotContain("flag esn");
    }
  }

  @Test
  void theNamespacesXfrmStatisticsAreReported() {
    assertThat(dataplane.xfrmStatistics())
        .containsKeys("XfrmInNoStates", "XfrmInStateProtoError", "XfrmOutNoStates")
        .allSatisfy((name, value) -> assertThat(value).isZero());
  }
}
