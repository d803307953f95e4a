package io.secureoverlay.agent.xfrm.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.netlink.NetlinkMessage;
import io.secureoverlay.agent.xfrm.AddressFamily;
import io.secureoverlay.agent.xfrm.XfrmAead;
import io.secureoverlay.agent.xfrm.XfrmDirection;
import io.secureoverlay.agent.xfrm.XfrmId;
import io.secureoverlay.agent.xfrm.XfrmLifetimeConfig;
import io.secureoverlay.agent.xfrm.XfrmMark;
import io.secureoverlay.agent.xfrm.XfrmMode;
import io.secureoverlay.agent.xfrm.XfrmPolicy;
import io.secureoverlay.agent.xfrm.XfrmPolicyAction;
import io.secureoverlay.agent.xfrm.XfrmPolicyEntry;
import io.secureoverlay.agent.xfrm.XfrmProto;
import io.secureoverlay.agent.xfrm.XfrmReplayConfig;
import io.secureoverlay.agent.xfrm.XfrmSelector;
import io.secureoverlay.agent.xfrm.XfrmState;
import io.secureoverlay.agent.xfrm.XfrmStateEntry;
import io.secureoverlay.agent.xfrm.XfrmTemplate;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.IcvLength;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random SAs and policies: our encoder agrees byte-for-byte with an independent reference encoder
 * built from the C offsets, and what we encode decodes back to the same configuration (the key by
 * fingerprint). Each case draws from its own fixed seed, so a failing case number reproduces;
 * failures describe a case by number and its non-secret fields, never by key bytes.
 */
class XfrmCodecRoundTripProperties {

  private static final long SEED = 0x5846_524D_0001L;
  private static final int CASES = 400;

  /** Boundary values drawn now and then, so masks, XFRM_INF and sign bits are always covered. */
  private static final int[] INT_EDGES = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE};

  private static final long[] LONG_EDGES = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE};
  private static final int[] KEY_BLOB_BYTES = {20, 28, 36};

  static IntStream cases() {
    return IntStream.range(0, CASES);
  }

  @ParameterizedTest(name = "case {0}")
  @MethodSource("cases")
  void statesEncodeAsTheReferenceSaysAndDecodeBackUnchanged(int caseNumber) {
    SplittableRandom random = new SplittableRandom(SEED + caseNumber);
    byte[] blob = bytes(random, pick(random, KEY_BLOB_BYTES));
    try (SecretBytes key = SecretBytes.wrap(blob)) {
      XfrmState state = state(random, key);
      // XfrmState's toString shows the AEAD's sizes only; the key stays redacted.
      String described = "case " + caseNumber + ": " + state;
      byte[] ours = XfrmStateCodec.newState(state).encode(42);
      byte[] reference = ReferenceXfrmEncoder.newSa(XfrmMsgType.XFRM_MSG_NEWSA, 42, state);
      try {
        // Compared by offset, not as hex: both encodings carry the key.
        assertThat(Arrays.mismatch(ours, reference))
            .as(
                "%s: first offset where our %d-byte NEWSA differs from the reference's %d bytes",
                described, ours.length, reference.length)
            .isEqualTo(-1);
        XfrmStateEntry back = XfrmStateCodec.decode(NetlinkMessage.of(ours));
        assertThat(back.matches(state)).as("%s decodes back unchanged", described).isTrue();
        assertThat(back.aead().orElseThrow().keyFingerprint())
            .as("%s key fingerprint after decoding", described)
            .isEqualTo(key.fingerprint());
      } finally {
        Arrays.fill(ours, (byte) 0);
        Arrays.fill(reference, (byte) 0);
      }
    }
  }

  @ParameterizedTest(name = "case {0}")
  @MethodSource("cases")
  void policiesEncodeAsTheReferenceSaysAndDecodeBackUnchanged(int caseNumber) {
    SplittableRandom random = new SplittableRandom(SEED + 100_000 + caseNumber);
    XfrmPolicy policy = policy(random);
    String described = "case " + caseNumber + ": " + policy;
    byte[] ours = XfrmPolicyCodec.updatePolicy(policy).encode(7);
    // A policy holds no secret, so the hex of both encodings may show in a failure.
    assertThat(HexFormat.of().formatHex(ours))
        .as("%s encodes as the reference says", described)
        .isEqualTo(
            HexFormat.of()
                .formatHex(
                    ReferenceXfrmEncoder.newPolicy(XfrmMsgType.XFRM_MSG_UPDPOLICY, 7, policy)));
    XfrmPolicyEntry back = XfrmPolicyCodec.decode(NetlinkMessage.of(ours));
    assertThat(back.matches(policy)).as("%s decodes back unchanged", described).isTrue();
    assertThat(back.policy().index()).as("%s index", described).isEqualTo(policy.index());
  }

  /** Any family, selector, mode, AEAD, limits, replay setup, mark (~30%) and extra flags. */
  private static XfrmState state(SplittableRandom random, SecretBytes key) {
    AddressFamily f = pick(random, AddressFamily.values());
    return new XfrmState(
        new XfrmId(address(random, f), anyInt(random), XfrmProto.ESP),
        address(random, f),
        selector(random, f),
        anyInt(random),
        pick(random, XfrmMode.values()),
        new XfrmAead(key, pick(random, IcvLength.values())),
        lifetime(random),
        replay(random),
        mark(random),
        anyInt(random));
  }

  /** Any family, selector, direction, action, priority, index, 0..4 templates, limits, mark. */
  private static XfrmPolicy policy(SplittableRandom random) {
    AddressFamily f = pick(random, AddressFamily.values());
    XfrmSelector selector = selector(random, f);
    XfrmDirection direction = pick(random, XfrmDirection.values());
    XfrmPolicyAction action = pick(random, XfrmPolicyAction.values());
    int priority = anyInt(random);
    int index = anyInt(random);
    List<XfrmTemplate> templates = new ArrayList<>();
    int count = random.nextInt(0, 5);
    for (int i = 0; i < count; i++) {
      templates.add(template(random, f));
    }
    return new XfrmPolicy(
        selector, direction, action, priority, index, templates, lifetime(random), mark(random), 0);
  }

  /** Any protocol and mode; the algorithm masks are derived from the SPI and reqid. */
  private static XfrmTemplate template(SplittableRandom random, AddressFamily f) {
    InetAddress dst = address(random, f);
    InetAddress src = address(random, f);
    int spi = anyInt(random);
    XfrmProto proto = pick(random, XfrmProto.values());
    int reqid = anyInt(random);
    XfrmMode mode = pick(random, XfrmMode.values());
    boolean optional = random.nextBoolean();
    int share = intIn(random, 0, 3);
    return new XfrmTemplate(
        new XfrmId(dst, spi, proto),
        src,
        reqid,
        mode,
        optional,
        share,
        spi ^ 0x5a5a5a5a,
        reqid ^ 0x12345678,
        ~spi);
  }

  /** Prefixes 0..max, any IP protocol, ports 0..65535 with a full mask unless the port is 0. */
  private static XfrmSelector selector(SplittableRandom random, AddressFamily f) {
    int bits = f.maxPrefixLength();
    InetAddress dst = address(random, f);
    int dlen = intIn(random, 0, bits);
    InetAddress src = address(random, f);
    int slen = intIn(random, 0, bits);
    int proto = intIn(random, 0, 255);
    int dport = intIn(random, 0, 0xffff);
    int sport = intIn(random, 0, 0xffff);
    int ifindex = anyInt(random);
    return new XfrmSelector(
        dst,
        dlen,
        src,
        slen,
        proto,
        dport,
        dport == 0 ? 0 : 0xffff,
        sport,
        sport == 0 ? 0 : 0xffff,
        ifindex,
        ifindex ^ 7);
  }

  private static InetAddress address(SplittableRandom random, AddressFamily f) {
    try {
      return InetAddress.getByAddress(bytes(random, f.addressBytes()));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
    }
  }

  /** Byte and packet limits: any two unsigned values, soft first; expiries in 0..2^40 s. */
  private static XfrmLifetimeConfig lifetime(SplittableRandom random) {
    long[] bytes = orderedUnsigned(anyLong(random), anyLong(random));
    long[] packets = orderedUnsigned(anyLong(random), anyLong(random));
    long[] add = ordered(seconds(random), seconds(random));
    long[] use = ordered(seconds(random), seconds(random));
    return new XfrmLifetimeConfig(
        bytes[0], bytes[1], packets[0], packets[1], add[0], add[1], use[0], use[1]);
  }

  private static long[] orderedUnsigned(long a, long b) {
    return Long.compareUnsigned(a, b) <= 0 ? new long[] {a, b} : new long[] {b, a};
  }

  private static long[] ordered(long a, long b) {
    return new long[] {Math.min(a, b), Math.max(a, b)};
  }

  private static long seconds(SplittableRandom random) {
    long max = 1L << 40;
    int roll = random.nextInt(10);
    if (roll == 0) {
      return 0;
    }
    if (roll == 1) {
      return max;
    }
    return random.nextLong(0, max + 1);
  }

  /** Legacy windows 0..32, wide windows 33..4096, or ESN with 1..4096: one of the three. */
  private static XfrmReplayConfig replay(SplittableRandom random) {
    return switch (random.nextInt(3)) {
      case 0 -> new XfrmReplayConfig(intIn(random, 0, 32), false);
      case 1 -> new XfrmReplayConfig(intIn(random, 33, 4096), false);
      default -> new XfrmReplayConfig(intIn(random, 1, 4096), true);
    };
  }

  /** A mark with any value and mask in about 30% of cases, none otherwise. */
  private static Optional<XfrmMark> mark(SplittableRandom random) {
    return random.nextDouble() < 0.3
        ? Optional.of(new XfrmMark(anyInt(random), anyInt(random)))
        : Optional.empty();
  }

  private static int anyInt(SplittableRandom random) {
    return random.nextInt(8) == 0 ? INT_EDGES[random.nextInt(INT_EDGES.length)] : random.nextInt();
  }

  private static long anyLong(SplittableRandom random) {
    return random.nextInt(8) == 0
        ? LONG_EDGES[random.nextInt(LONG_EDGES.length)]
        : random.nextLong();
  }

  /** Uniform in min..max (inclusive), with each bound itself drawn one time in ten. */
  private static int intIn(SplittableRandom random, int min, int max) {
    int roll = random.nextInt(10);
    if (roll == 0) {
      return min;
    }
    if (roll == 1) {
      return max;
    }
    return random.nextInt(min, max + 1);
  }

  private static int pick(SplittableRandom random, int[] values) {
    return values[random.nextInt(values.length)];
  }

  private static <T> T pick(SplittableRandom random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  private static byte[] bytes(SplittableRandom random, int length) {
    byte[] out = new byte[length];
    random.nextBytes(out);
    return out;
  }
}
