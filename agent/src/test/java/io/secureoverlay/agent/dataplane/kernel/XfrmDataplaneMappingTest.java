package io.secureoverlay.agent.dataplane.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.dataplane.ChangeResult.Status;
import io.secureoverlay.agent.dataplane.DataplaneFixtures;
import io.secureoverlay.agent.dataplane.OwnedReqids;
import io.secureoverlay.agent.dataplane.Policy;
import io.secureoverlay.agent.dataplane.SaCounters;
import io.secureoverlay.agent.dataplane.SaSpec;
import io.secureoverlay.agent.dataplane.SaState;
import io.secureoverlay.agent.netlink.Errno;
import io.secureoverlay.agent.netlink.ErrnoException;
import io.secureoverlay.agent.netlink.NetlinkMessage;
import io.secureoverlay.agent.netlink.NetlinkParseException;
import io.secureoverlay.agent.xfrm.XfrmMark;
import io.secureoverlay.agent.xfrm.XfrmPolicyEntry;
import io.secureoverlay.agent.xfrm.XfrmStateEntry;
import io.secureoverlay.agent.xfrm.wire.XfrmPolicyCodec;
import io.secureoverlay.agent.xfrm.wire.XfrmStateCodec;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Dataplane records through the XFRM codec and back, as the kernel would echo them. */
class XfrmDataplaneMappingTest {

  private static final InetAddress SELF = DataplaneFixtures.ip("10.0.0.1");
  private static final InetAddress PEER = DataplaneFixtures.ip("10.0.0.2");

  private static XfrmStateEntry throughTheCodec(SaSpec sa) {
    byte[] bytes = XfrmStateCodec.newState(XfrmDataplaneMapping.toState(sa)).encode(1);
    return XfrmStateCodec.decode(NetlinkMessage.of(bytes));
  }

  @Test
  void anSaSpecComesBackAsTheSaStateTheContractExpects() {
    for (Cipher cipher : Cipher.values()) {
      try (SecretBytes key = DataplaneFixtures.key(cipher, 5)) {
        SaSpec sa = DataplaneFixtures.sa(PEER, SELF, 0x5E000002, OwnedReqids.INBOUND, key);
        SaState state = XfrmDataplaneMapping.toSaState(throughTheCodec(sa)).orElseThrow();
        assertThat(state)
            .isEqualTo(
                new SaState(
                    sa.id(),
                    sa.source(),
                    sa.selector(),
                    sa.mode(),
                    sa.reqid(),
                    cipher,
                    IcvLength.ICV_64,
                    key.fingerprint(),
                    32,
                    sa.lifetimes(),
                    SaCounters.ZERO));
      }
    }
  }

  @Test
  void aReplayWindowAbove32TravelsAsTheEsnAttributeWithoutEsn() {
    try (SecretBytes key = DataplaneFixtures.key(Cipher.AES_GCM_128, 5)) {
      SaSpec base = DataplaneFixtures.sa(PEER, SELF, 0x5E000002, OwnedReqids.INBOUND, key);
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
      XfrmStateEntry entry = throughTheCodec(wide);
      assertThat(entry.replay().esn()).isFalse();
      assertThat(XfrmDataplaneMapping.toSaState(entry).orElseThrow().replayWindow()).isEqualTo(200);
    }
  }

  @Test
  void aPolicyComesBackUnchanged() {
    Policy out = DataplaneFixtures.outPolicy(SELF, PEER, OwnedReqids.outbound(3));
    byte[] bytes = XfrmPolicyCodec.newPolicy(XfrmDataplaneMapping.toPolicy(out)).encode(1);
    XfrmPolicyEntry entry = XfrmPolicyCodec.decode(NetlinkMessage.of(bytes));
    assertThat(XfrmDataplaneMapping.toPolicy(entry)).contains(out);
    assertThat(XfrmDataplaneMapping.policyIdOf(entry)).contains(out.id());
  }

  @Test
  void aMarkedEntryHasNoDataplaneIdentity() {
    try (SecretBytes key = DataplaneFixtures.key(Cipher.AES_GCM_128, 5)) {
      SaSpec sa = DataplaneFixtures.sa(PEER, SELF, 0x5E000002, OwnedReqids.INBOUND, key);
      byte[] bytes =
          XfrmStateCodec.newState(XfrmDataplaneMapping.toState(sa).withMark(new XfrmMark(1, 0xff)))
              .encode(1);
      XfrmStateEntry marked = XfrmStateCodec.decode(NetlinkMessage.of(bytes));
      assertThat(XfrmDataplaneMapping.saIdOf(marked)).isEmpty();
      assertThat(XfrmDataplaneMapping.toSaState(marked)).isEmpty();
    }
  }

  @Test
  void theDataplaneAndTheXfrmLayerAgreeOnWhatIsOwned() {
    assertThat(io.secureoverlay.agent.xfrm.XfrmOwnership.REQID_PREFIX).isEqualTo(OwnedReqids.BASE);
    assertThat(io.secureoverlay.agent.xfrm.XfrmOwnership.REQID_PREFIX_MASK)
        .isEqualTo(OwnedReqids.MASK);
    for (int reqid : new int[] {OwnedReqids.INBOUND, OwnedReqids.outbound(0), 7, 0x5ec10000}) {
      assertThat(io.secureoverlay.agent.xfrm.XfrmOwnership.isOwnedReqid(reqid))
          .isEqualTo(OwnedReqids.isOwned(reqid));
    }
  }

  @Test
  void errnosMapToTheStatusesCallersBranchOn() {
    assertThat(KernelChangeResults.statusOf(Errno.EEXIST)).isEqualTo(Status.EXISTS);
    assertThat(KernelChangeResults.statusOf(Errno.ESRCH)).isEqualTo(Status.NOT_FOUND);
    assertThat(KernelChangeResults.statusOf(Errno.ENOENT)).isEqualTo(Status.NOT_FOUND);
    assertThat(KernelChangeResults.statusOf(Errno.EINVAL)).isEqualTo(Status.INVALID);
    assertThat(KernelChangeResults.statusOf(Errno.EPERM)).isEqualTo(Status.PERMISSION_DENIED);
    assertThat(KernelChangeResults.statusOf(Errno.ENOSYS)).isEqualTo(Status.OTHER);
    assertThat(KernelChangeResults.statusOf(new NetlinkParseException("x")))
        .isEqualTo(Status.OTHER);
    assertThat(KernelChangeResults.statusOf(ErrnoException.fromReply(17, "XFRM_MSG_NEWSA", null)))
        .isEqualTo(Status.EXISTS);
  }
}
