package io.secureoverlay.agent.xfrm.wire;

import static io.secureoverlay.agent.xfrm.wire.XfrmStateCodecGoldenTest.A;
import static io.secureoverlay.agent.xfrm.wire.XfrmStateCodecGoldenTest.B;
import static io.secureoverlay.agent.xfrm.wire.XfrmStateCodecGoldenTest.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.netlink.FakeTransport;
import io.secureoverlay.agent.netlink.NetlinkConversation;
import io.secureoverlay.agent.netlink.NetlinkMessage;
import io.secureoverlay.agent.netlink.NetlinkRequest;
import io.secureoverlay.agent.xfrm.AddressFamily;
import io.secureoverlay.agent.xfrm.XfrmDirection;
import io.secureoverlay.agent.xfrm.XfrmOwnership;
import io.secureoverlay.agent.xfrm.XfrmPolicy;
import io.secureoverlay.agent.xfrm.XfrmPolicyEntry;
import io.secureoverlay.agent.xfrm.XfrmProto;
import io.secureoverlay.agent.xfrm.XfrmSelector;
import io.secureoverlay.agent.xfrm.XfrmTemplate;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our policy messages against what a real kernel accepted from {@code ip xfrm policy ...}: every
 * request byte-for-byte (sequence number set to the capture's), replies decoded into the model.
 */
class XfrmPolicyCodecGoldenTest {

  static XfrmPolicy policy(InetAddress src, InetAddress dst, XfrmDirection dir, int slot) {
    return XfrmPolicy.allow(
        XfrmSelector.hosts(src, dst, XfrmSelector.IPPROTO_IPIP),
        dir,
        100,
        List.of(
            XfrmTemplate.transport(XfrmProto.ESP, XfrmOwnership.reqid(slot), AddressFamily.INET)));
  }

  static final XfrmPolicy OUT = policy(A, B, XfrmDirection.OUT, 1);
  static final XfrmPolicy IN = policy(B, A, XfrmDirection.IN, 2);
  static final XfrmPolicy OUT_SWITCHED = policy(A, B, XfrmDirection.OUT, 3);

  private static void assertEncodes(NetlinkRequest request, String golden) {
    byte[] expected = GoldenHex.load(golden);
    byte[] actual = request.encode(GoldenHex.seq(expected));
    assertThat(HexFormat.of().formatHex(actual))
        .as(golden)
        .isEqualTo(HexFormat.of().formatHex(expected));
  }

  @Test
  void newPolicyOutWithATransportTemplateIsWhatIpXfrmSends() {
    // the capture spells out "tmpl src 0.0.0.0 dst 0.0.0.0": the same bytes as leaving them out
    assertEncodes(XfrmPolicyCodec.newPolicy(OUT), "newpolicy-out.request");
  }

  @Test
  void newPolicyInIsWhatIpXfrmSends() {
    assertEncodes(XfrmPolicyCodec.newPolicy(IN), "newpolicy-in.request");
  }

  @Test
  void updPolicyIsWhatIpXfrmPolicyUpdateSends() {
    assertEncodes(XfrmPolicyCodec.updatePolicy(OUT_SWITCHED), "updpolicy-out.request");
  }

  @Test
  void getAndDeletePolicyAreWhatIpXfrmSends() {
    assertEncodes(XfrmPolicyCodec.getPolicy(OUT.id()), "getpolicy.request");
    assertEncodes(XfrmPolicyCodec.deletePolicy(IN.id()), "delpolicy-in.request");
    assertEncodes(XfrmPolicyCodec.deletePolicy(IN.id()), "delpolicy-missing-enoent.request");
  }

  @Test
  void thePolicyDumpRequestIsWhatIpXfrmSends() {
    assertEncodes(XfrmPolicyCodec.dumpPolicies(), "getpolicy-dump.request");
  }

  @Test
  void aGetPolicyReplyDecodesToTheUpdatedPolicy() {
    XfrmPolicyEntry entry =
        XfrmPolicyCodec.decode(NetlinkMessage.of(GoldenHex.load("getpolicy.reply")));
    assertThat(entry.matches(OUT_SWITCHED)).isTrue();
    assertThat(entry.policy().index()).isEqualTo(1); // kernel-assigned: (n << 3) | dir
    assertThat(entry.current().addTime()).isPositive();
  }

  @Test
  void theCapturedPolicyDumpDecodesOursAndTheForeignOne() {
    byte[] datagram = GoldenHex.load("getpolicy-dump.reply.1");
    FakeTransport t =
        FakeTransport.scripted(GoldenHex.pid(datagram))
            .enqueue(datagram)
            .enqueue(GoldenHex.load("getpolicy-dump.reply.2"));
    List<XfrmPolicyEntry> entries =
        new NetlinkConversation(t, XfrmNetlinkFamily.INSTANCE, GoldenHex.seq(datagram))
            .dump(XfrmPolicyCodec.dumpPolicies(), XfrmPolicyCodec::decode);

    assertThat(entries).hasSize(3);
    XfrmPolicyEntry foreign = entries.get(0);
    assertThat(foreign.policy().selector().source()).isEqualTo(ip("10.9.9.9"));
    assertThat(foreign.policy().selector().proto()).isZero();
    assertThat(foreign.policy().templates())
        .singleElement()
        .satisfies(tmpl -> assertThat(tmpl.reqid()).isEqualTo(7));
    assertThat(XfrmOwnership.owns(foreign)).isFalse();
    assertThat(entries.get(1).matches(OUT_SWITCHED)).isTrue();
    assertThat(entries.get(2).matches(IN)).isTrue();
    assertThat(entries.subList(1, 3)).allMatch(XfrmOwnership::owns);
  }
}
