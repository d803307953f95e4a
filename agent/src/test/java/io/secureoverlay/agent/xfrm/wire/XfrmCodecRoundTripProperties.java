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
import java.util.HexFormat;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random SAs and policies: our encoder agrees byte-for-byte with an independent reference encoder
 * built from the C offsets, and what we encode decodes back to the same configuration (the key by
 * fingerprint).
 */
class XfrmCodecRoundTripProperties {

  @Property(tries = 400)
  void statesEncodeAsTheReferenceSaysAndDecodeBackUnchanged(@ForAll("states") XfrmState state) {
    byte[] ours = XfrmStateCodec.newState(state).encode(42);
    assertThat(HexFormat.of().formatHex(ours))
        .isEqualTo(
            HexFormat.of()
                .formatHex(ReferenceXfrmEncoder.newSa(XfrmMsgType.XFRM_MSG_NEWSA, 42, state)));
    XfrmStateEntry back = XfrmStateCodec.decode(NetlinkMessage.of(ours));
    assertThat(back.matches(state)).as("%s", state).isTrue();
    assertThat(back.aead().orElseThrow().keyFingerprint())
        .isEqualTo(state.aead().key().fingerprint());
  }

  @Property(tries = 400)
  void policiesEncodeAsTheReferenceSaysAndDecodeBackUnchanged(
      @ForAll("policies") XfrmPolicy policy) {
    byte[] ours = XfrmPolicyCodec.updatePolicy(policy).encode(7);
    assertThat(HexFormat.of().formatHex(ours))
        .isEqualTo(
            HexFormat.of()
                .formatHex(
                    ReferenceXfrmEncoder.newPolicy(XfrmMsgType.XFRM_MSG_UPDPOLICY, 7, policy)));
    XfrmPolicyEntry back = XfrmPolicyCodec.decode(NetlinkMessage.of(ours));
    assertThat(back.matches(policy)).as("%s", policy).isTrue();
    assertThat(back.policy().index()).isEqualTo(policy.index());
  }

  @Provide
  Arbitrary<XfrmState> states() {
    Arbitrary<AddressFamily> family = Arbitraries.of(AddressFamily.class);
    return family.flatMap(
        f ->
            Combinators.combine(
                    selectors(f),
                    addresses(f),
                    addresses(f),
                    Arbitraries.integers(),
                    Arbitraries.integers(),
                    aeads(),
                    lifetimes(),
                    replays())
                .as(
                    (sel, dst, src, spi, reqid, aead, lft, replay) ->
                        new XfrmState(
                            new XfrmId(dst, spi, XfrmProto.ESP),
                            src,
                            sel,
                            reqid,
                            XfrmMode.TRANSPORT,
                            aead,
                            lft,
                            replay,
                            Optional.empty(),
                            0))
                .flatMap(
                    s ->
                        Combinators.combine(
                                marks(), Arbitraries.integers(), Arbitraries.of(XfrmMode.class))
                            .as(
                                (mark, extra, mode) ->
                                    new XfrmState(
                                        s.id(),
                                        s.source(),
                                        s.selector(),
                                        s.reqid(),
                                        mode,
                                        s.aead(),
                                        s.lifetime(),
                                        s.replay(),
                                        mark,
                                        extra))));
  }

  @Provide
  Arbitrary<XfrmPolicy> policies() {
    Arbitrary<AddressFamily> family = Arbitraries.of(AddressFamily.class);
    return family.flatMap(
        f ->
            Combinators.combine(
                    selectors(f),
                    Arbitraries.of(XfrmDirection.class),
                    Arbitraries.of(XfrmPolicyAction.class),
                    Arbitraries.integers(),
                    Arbitraries.integers(),
                    templates(f).list().ofMaxSize(4),
                    lifetimes(),
                    marks())
                .as(
                    (sel, dir, action, priority, index, tmpls, lft, mark) ->
                        new XfrmPolicy(sel, dir, action, priority, index, tmpls, lft, mark, 0)));
  }

  private static Arbitrary<XfrmTemplate> templates(AddressFamily f) {
    return Combinators.combine(
            addresses(f),
            addresses(f),
            Arbitraries.integers(),
            Arbitraries.of(XfrmProto.class),
            Arbitraries.integers(),
            Arbitraries.of(XfrmMode.class),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 3))
        .as(
            (dst, src, spi, proto, reqid, mode, optional, share) ->
                new XfrmTemplate(
                    new XfrmId(dst, spi, proto),
                    src,
                    reqid,
                    mode,
                    optional,
                    share,
                    spi ^ 0x5a5a5a5a,
                    reqid ^ 0x12345678,
                    ~spi));
  }

  private static Arbitrary<XfrmSelector> selectors(AddressFamily f) {
    int bits = f.maxPrefixLength();
    Arbitrary<Integer> port = Arbitraries.integers().between(0, 0xffff);
    return Combinators.combine(
            addresses(f),
            Arbitraries.integers().between(0, bits),
            addresses(f),
            Arbitraries.integers().between(0, bits),
            Arbitraries.integers().between(0, 255),
            port,
            port,
            Arbitraries.integers())
        .as(
            (dst, dlen, src, slen, proto, dport, sport, ifindex) ->
                new XfrmSelector(
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
                    ifindex ^ 7));
  }

  private static Arbitrary<InetAddress> addresses(AddressFamily f) {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofSize(f.addressBytes())
        .map(
            b -> {
              try {
                return InetAddress.getByAddress(b);
              } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  private static Arbitrary<XfrmAead> aeads() {
    return Combinators.combine(
            Arbitraries.of(20, 28, 36)
                .flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n)),
            Arbitraries.of(IcvLength.class))
        .as((key, icv) -> new XfrmAead(SecretBytes.copyOf(key), icv));
  }

  private static Arbitrary<XfrmLifetimeConfig> lifetimes() {
    Arbitrary<long[]> pair =
        Arbitraries.longs()
            .list()
            .ofSize(2)
            .map(
                l -> {
                  long a = l.get(0);
                  long b = l.get(1);
                  return Long.compareUnsigned(a, b) <= 0 ? new long[] {a, b} : new long[] {b, a};
                });
    Arbitrary<long[]> seconds =
        Arbitraries.longs()
            .between(0, 1L << 40)
            .list()
            .ofSize(2)
            .map(l -> new long[] {Math.min(l.get(0), l.get(1)), Math.max(l.get(0), l.get(1))});
    return Combinators.combine(pair, pair, seconds, seconds)
        .as(
            (bytes, packets, add, use) ->
                new XfrmLifetimeConfig(
                    bytes[0], bytes[1], packets[0], packets[1], add[0], add[1], use[0], use[1]));
  }

  private static Arbitrary<XfrmReplayConfig> replays() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, 32).map(w -> new XfrmReplayConfig(w, false)),
        Arbitraries.integers().between(33, 4096).map(w -> new XfrmReplayConfig(w, false)),
        Arbitraries.integers().between(1, 4096).map(w -> new XfrmReplayConfig(w, true)));
  }

  private static Arbitrary<Optional<XfrmMark>> marks() {
    return Arbitraries.integers()
        .list()
        .ofSize(2)
        .map(l -> new XfrmMark(l.get(0), l.get(1)))
        .optional(0.3);
  }
}
