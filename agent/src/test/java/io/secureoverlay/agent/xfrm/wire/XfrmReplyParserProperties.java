package io.secureoverlay.agent.xfrm.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.netlink.FakeTransport;
import io.secureoverlay.agent.netlink.NetlinkConversation;
import io.secureoverlay.agent.netlink.NetlinkErrorReply;
import io.secureoverlay.agent.netlink.NetlinkException;
import io.secureoverlay.agent.netlink.NetlinkMessage;
import io.secureoverlay.agent.netlink.NetlinkParseException;
import io.secureoverlay.agent.netlink.RequestResult;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Hostile input for the reply side: random bytes, random truncations and random mutations of the
 * captured kernel replies. Whatever comes in, the parsers answer with a value or a typed netlink
 * error — never an index, buffer or state exception, never a hang — and the redactor never throws.
 */
class XfrmReplyParserProperties {

  private static final List<String> REPLIES =
      List.of(
          "getsa.reply",
          "getsa-dump.reply.1",
          "getsa-dump.reply.2",
          "getpolicy.reply",
          "getpolicy-dump.reply.1",
          "newsa-duplicate-eexist.reply",
          "delsa-missing-esrch.reply",
          "newsa-aes128-icv64.reply",
          "delpolicy-missing-enoent.reply",
          "newpolicy-duplicate-eexist.reply");

  @Provide
  Arbitrary<byte[]> goldenReplies() {
    return Arbitraries.of(REPLIES).map(GoldenHex::load);
  }

  @Property(tries = 1000)
  void randomBytesOnlyEverGiveValuesOrTypedErrors(@ForAll @Size(max = 1200) byte[] datagram) {
    exerciseEveryPath(datagram);
  }

  @Property(tries = 1000)
  void truncatedRepliesGiveTypedErrors(
      @ForAll("goldenReplies") byte[] reply,
      @ForAll @IntRange(min = 0, max = 2000) int cut,
      @ForAll boolean keepFraming) {
    byte[] truncated = Arrays.copyOf(reply, Math.min(cut, reply.length));
    if (keepFraming && truncated.length >= 16) {
      // a well-framed but short message: the struct and attribute checks must catch it
      ByteBuffer.wrap(truncated).order(ByteOrder.nativeOrder()).putInt(0, truncated.length);
    }
    exerciseEveryPath(truncated);
  }

  @Property(tries = 2000)
  void mutatedRepliesGiveValuesOrTypedErrors(
      @ForAll("goldenReplies") byte[] reply,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 1823) Integer> positions,
      @ForAll @Size(min = 8, max = 8) byte[] values) {
    byte[] mutated = reply.clone();
    for (int i = 0; i < positions.size(); i++) {
      mutated[positions.get(i) % mutated.length] = values[i];
    }
    exerciseEveryPath(mutated);
  }

  private static void exerciseEveryPath(byte[] datagram) {
    assertThat(XfrmNetlinkFamily.INSTANCE.redactedHex(datagram, 0, datagram.length)).isNotNull();
    decodeDirectly(datagram);
    dumpThroughAConversation(datagram, true);
    dumpThroughAConversation(datagram, false);
    List<RequestResult> results = ackThroughAConversation(datagram);
    assertThat(results).hasSize(1);
  }

  /** The decoders themselves, without the conversation's safety net. */
  private static void decodeDirectly(byte[] datagram) {
    NetlinkMessage message;
    try {
      message = NetlinkMessage.of(datagram);
    } catch (NetlinkParseException e) {
      return;
    }
    onlyTypedErrors(() -> XfrmStateCodec.decode(message));
    onlyTypedErrors(() -> XfrmPolicyCodec.decode(message));
    onlyTypedErrors(() -> NetlinkErrorReply.parse(message));
    assertThat(XfrmNetlinkFamily.INSTANCE.redacted(message)).isNotNull();
  }

  private static void dumpThroughAConversation(byte[] datagram, boolean states) {
    FakeTransport t = FakeTransport.scripted(pid(datagram)).enqueue(datagram);
    NetlinkConversation c = new NetlinkConversation(t, XfrmNetlinkFamily.INSTANCE, seq(datagram));
    onlyTypedErrors(
        () ->
            states
                ? c.dump(XfrmStateCodec.dumpStates(), XfrmStateCodec::decode)
                : c.dump(XfrmPolicyCodec.dumpPolicies(), XfrmPolicyCodec::decode));
  }

  private static List<RequestResult> ackThroughAConversation(byte[] datagram) {
    FakeTransport t = FakeTransport.scripted(pid(datagram)).enqueue(datagram);
    NetlinkConversation c = new NetlinkConversation(t, XfrmNetlinkFamily.INSTANCE, seq(datagram));
    return c.execute(List.of(XfrmPolicyCodec.newPolicy(XfrmPolicyCodecGoldenTest.OUT)));
  }

  private static void onlyTypedErrors(Runnable action) {
    try {
      action.run();
    } catch (NetlinkException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  private static void onlyTypedErrors(java.util.function.Supplier<?> action) {
    onlyTypedErrors((Runnable) action::get);
  }

  private static int seq(byte[] d) {
    return d.length >= 12 ? ByteBuffer.wrap(d).order(ByteOrder.nativeOrder()).getInt(8) : 1;
  }

  private static int pid(byte[] d) {
    return d.length >= 16 ? ByteBuffer.wrap(d).order(ByteOrder.nativeOrder()).getInt(12) : 1;
  }
}
