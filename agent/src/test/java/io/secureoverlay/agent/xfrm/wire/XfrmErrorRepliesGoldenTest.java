package io.secureoverlay.agent.xfrm.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.netlink.Errno;
import io.secureoverlay.agent.netlink.FakeTransport;
import io.secureoverlay.agent.netlink.NetlinkConversation;
import io.secureoverlay.agent.netlink.NetlinkMessage;
import io.secureoverlay.agent.netlink.NetlinkMessageParser;
import io.secureoverlay.agent.netlink.NetlinkRequest;
import io.secureoverlay.agent.netlink.RequestResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kernel's acks and errors as captured: each one lands on its own request as the typed errno
 * callers branch on. These replies were received by iproute2, which does not set NETLINK_CAP_ACK,
 * so the errors echo the whole request; the EEXIST of a NEWSA therefore holds the (test) key.
 */
class XfrmErrorRepliesGoldenTest {

  private static RequestResult resultOf(NetlinkRequest request, String goldenReply) {
    byte[] reply = GoldenHex.load(goldenReply);
    FakeTransport t = FakeTransport.scripted(GoldenHex.pid(reply)).enqueue(reply);
    return new NetlinkConversation(t, XfrmNetlinkFamily.INSTANCE, GoldenHex.seq(reply))
        .execute(List.of(request))
        .get(0);
  }

  @Test
  void acksOfEveryAcknowledgedRequestAreSuccesses() {
    assertThat(
            resultOf(
                    XfrmStateCodec.newState(XfrmStateCodecGoldenTest.AES128_ICV64),
                    "newsa-aes128-icv64.reply")
                .ok())
        .isTrue();
    assertThat(
            resultOf(
                    XfrmStateCodec.deleteState(XfrmStateCodecGoldenTest.AES256_ICV128_ESN.key()),
                    "delsa.reply")
                .ok())
        .isTrue();
    assertThat(
            resultOf(
                    XfrmPolicyCodec.newPolicy(XfrmPolicyCodecGoldenTest.OUT), "newpolicy-out.reply")
                .ok())
        .isTrue();
    assertThat(
            resultOf(
                    XfrmPolicyCodec.updatePolicy(XfrmPolicyCodecGoldenTest.OUT_SWITCHED),
                    "updpolicy-out.reply")
                .ok())
        .isTrue();
    assertThat(
            resultOf(
                    XfrmPolicyCodec.deletePolicy(XfrmPolicyCodecGoldenTest.IN.id()),
                    "delpolicy-in.reply")
                .ok())
        .isTrue();
  }

  @Test
  void aDuplicateSaIsEexistAndItsMessageHoldsNoKeyByte() {
    RequestResult r =
        resultOf(
            XfrmStateCodec.newState(XfrmStateCodecGoldenTest.AES128_ICV64),
            "newsa-duplicate-eexist.reply");
    assertThat(r.errno()).contains(Errno.EEXIST);
    assertThat(r.failure().orElseThrow().getMessage())
        .isEqualTo("XFRM_MSG_NEWSA seq=1795668102 failed: EEXIST (file exists)");
  }

  @Test
  void aDuplicatePolicyIsEexist() {
    assertThat(
            resultOf(
                    XfrmPolicyCodec.newPolicy(XfrmPolicyCodecGoldenTest.IN),
                    "newpolicy-duplicate-eexist.reply")
                .errno())
        .contains(Errno.EEXIST);
  }

  @Test
  void aMissingSaIsEsrchAndAMissingPolicyEnoent() {
    assertThat(
            resultOf(
                    XfrmStateCodec.deleteState(XfrmStateCodecGoldenTest.AES256_ICV128_ESN.key()),
                    "delsa-missing-esrch.reply")
                .errno())
        .contains(Errno.ESRCH);
    assertThat(
            resultOf(
                    XfrmPolicyCodec.deletePolicy(XfrmPolicyCodecGoldenTest.IN.id()),
                    "delpolicy-missing-enoent.reply")
                .errno())
        .contains(Errno.ENOENT);
  }

  @Test
  void theRedactedRenderingOfAnEchoedNewSaShowsNeitherKeyNorSalt() {
    byte[] reply = GoldenHex.load("newsa-duplicate-eexist.reply");
    String shown = XfrmNetlinkFamily.INSTANCE.redactedHex(reply, 0, reply.length);
    assertThat(shown).startsWith("NLMSG_ERROR 64010000 02000000").contains("bytes withheld");
    assertNoKey(shown);
  }

  @Test
  void theRedactedRenderingOfEverySaOfADumpShowsStructsButNoKey() {
    byte[] dump = GoldenHex.load("getsa-dump.reply.1");
    List<NetlinkMessage> messages =
        new NetlinkMessageParser(XfrmNetlinkFamily.INSTANCE).split(dump, dump.length);
    assertThat(messages).hasSize(5);
    for (NetlinkMessage m : messages) {
      String shown = XfrmNetlinkFamily.INSTANCE.redacted(m);
      assertThat(shown).startsWith("XFRM_MSG_NEWSA").contains("value bytes withheld>]");
      assertNoKey(shown);
    }
    assertThat(XfrmNetlinkFamily.INSTANCE.redacted(messages.get(4)))
        .contains("5ec01001", "[10000a00 00000000 00000000 00000000]"); // XFRMA_REPLAY_VAL shown
    byte[] request = XfrmStateCodec.newState(XfrmStateCodecGoldenTest.AES256_ICV128_ESN).encode(1);
    assertNoKey(XfrmNetlinkFamily.INSTANCE.redactedHex(request, 0, request.length));
  }

  @Test
  void aMessageDecodedFromTheCaptureNamesItsType() {
    NetlinkMessage m = NetlinkMessage.of(GoldenHex.load("getpolicy.reply"));
    assertThat(XfrmMsgType.name(m.type())).isEqualTo("XFRM_MSG_NEWPOLICY");
  }

  /** Neither the 4-byte groups of the test keys nor the salt "salt" (73616c74) appear. */
  static void assertNoKey(String shown) {
    assertThat(shown.replace(" ", ""))
        .doesNotContain("0c0d0e0f", "04050607", "1c1d1e1f", "73616c74");
  }
}
