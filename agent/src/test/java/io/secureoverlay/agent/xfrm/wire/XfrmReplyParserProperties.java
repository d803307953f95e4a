package io.secureoverlay.agent.xfrm.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

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
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input for the reply side: random bytes, random truncations and random mutations of the
 * captured kernel replies. Whatever comes in, the parsers answer with a value or a typed netlink
 * error — never an index, buffer or state exception, never a hang — and the redactor never throws.
 * Each case draws from its own fixed seed, so a failing case number reproduces; failures name the
 * case, the capture and the change made to it, never the bytes.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class XfrmReplyParserProperties {

  private static final long SEED = 0x5846_524D_0002L;

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

  private static final int MAX_DATAGRAM = 1200;
  private static final int MAX_CUT = 2000;

  /** One past the last offset of the longest capture (getsa-dump.reply.1, 1824 bytes). */
  private static final int POSITIONS = 1824;

  private static final int MAX_MUTATIONS = 8;

  static IntStream cases1000() {
    return IntStream.range(0, 1000);
  }

  static IntStream cases2000() {
    return IntStream.range(0, 2000);
  }

  @ParameterizedTest(name = "case {0}")
  @MethodSource("cases1000")
  void randomBytesOnlyEverGiveValuesOrTypedErrors(int caseNumber) {
    SplittableRandom random = new SplittableRandom(SEED + caseNumber);
    byte[] datagram = new byte[length(random)];
    random.nextBytes(datagram);
    exerciseEveryPath(datagram, "case " + caseNumber + ": " + datagram.length + " random bytes");
  }

  @ParameterizedTest(name = "case {0}")
  @MethodSource("cases1000")
  void truncatedRepliesGiveTypedErrors(int caseNumber) {
    SplittableRandom random = new SplittableRandom(SEED + 100_000 + caseNumber);
    String name = REPLIES.get(random.nextInt(REPLIES.size()));
    byte[] reply = GoldenHex.load(name);
    int cut = cut(random, reply.length);
    boolean keepFraming = random.nextBoolean();
    byte[] truncated = Arrays.copyOf(reply, Math.min(cut, reply.length));
    if (keepFraming && truncated.length >= 16) {
      // a well-framed but short message: the struct and attribute checks must catch it
      ByteBuffer.wrap(truncated).order(ByteOrder.nativeOrder()).putInt(0, truncated.length);
    }
    exerciseEveryPath(
        truncated,
        String.format(
            "case %d: %s (%d bytes) cut at %d, framing %s",
            caseNumber, name, reply.length, cut, keepFraming ? "kept" : "left alone"));
  }

  @ParameterizedTest(name = "case {0}")
  @MethodSource("cases2000")
  void mutatedRepliesGiveValuesOrTypedErrors(int caseNumber) {
    SplittableRandom random = new SplittableRandom(SEED + 200_000 + caseNumber);
    String name = REPLIES.get(random.nextInt(REPLIES.size()));
    byte[] mutated = GoldenHex.load(name);
    int[] positions = new int[random.nextInt(1, MAX_MUTATIONS + 1)];
    byte[] values = new byte[MAX_MUTATIONS];
    random.nextBytes(values);
    for (int i = 0; i < positions.length; i++) {
      positions[i] = random.nextInt(POSITIONS) % mutated.length;
      mutated[positions[i]] = values[i];
    }
    exerciseEveryPath(
        mutated,
        String.format(
            "case %d: %s (%d bytes) changed at offsets %s",
            caseNumber, name, mutated.length, Arrays.toString(positions)));
  }

  /** 0..1200 bytes: the bounds now and then, often short, else anywhere in the range. */
  private static int length(SplittableRandom random) {
    return switch (random.nextInt(10)) {
      case 0 -> 0;
      case 1 -> MAX_DATAGRAM;
      case 2, 3, 4 -> random.nextInt(0, 65);
      default -> random.nextInt(0, MAX_DATAGRAM + 1);
    };
  }

  /**
   * 0..2000: the bounds now and then, half the time inside the reply (most captures are far shorter
   * than 2000 bytes, so a uniform cut would mostly leave them whole), else anywhere.
   */
  private static int cut(SplittableRandom random, int replyLength) {
    return switch (random.nextInt(10)) {
      case 0 -> 0;
      case 1 -> MAX_CUT;
      case 2, 3, 4, 5, 6 -> random.nextInt(0, replyLength + 1);
      default -> random.nextInt(0, MAX_CUT + 1);
    };
  }

  private static void exerciseEveryPath(byte[] datagram, String described) {
    assertThatCode(
            () -> {
              assertThat(XfrmNetlinkFamily.INSTANCE.redactedHex(datagram, 0, datagram.length))
                  .isNotNull();
              decodeDirectly(datagram);
              dumpThroughAConversation(datagram, true);
              dumpThroughAConversation(datagram, false);
              List<RequestResult> results = ackThroughAConversation(datagram);
              assertThat(results).hasSize(1);
            })
        .as("%s gives only values or typed netlink errors", described)
        .doesNotThrowAnyException();
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

  private static void onlyTypedErrors(Supplier<?> action) {
    try {
      action.get();
    } catch (NetlinkException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  private static int seq(byte[] d) {
    return d.length >= 12 ? ByteBuffer.wrap(d).order(ByteOrder.nativeOrder()).getInt(8) : 1;
  }

  private static int pid(byte[] d) {
    return d.length >= 16 ? ByteBuffer.wrap(d).order(ByteOrder.nativeOrder()).getInt(12) : 1;
  }
}
