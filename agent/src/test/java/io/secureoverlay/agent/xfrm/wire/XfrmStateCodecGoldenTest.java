package io.secureoverlay.agent.xfrm.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.netlink.FakeTransport;
import io.secureoverlay.agent.netlink.NetlinkConversation;
import io.secureoverlay.agent.netlink.NetlinkMessage;
import io.secureoverlay.agent.netlink.NetlinkRequest;
import io.secureoverlay.agent.xfrm.XfrmAead;
import io.secureoverlay.agent.xfrm.XfrmId;
import io.secureoverlay.agent.xfrm.XfrmLifetimeConfig;
import io.secureoverlay.agent.xfrm.XfrmMark;
import io.secureoverlay.agent.xfrm.XfrmOwnership;
import io.secureoverlay.agent.xfrm.XfrmProto;
import io.secureoverlay.agent.xfrm.XfrmReplayConfig;
import io.secureoverlay.agent.xfrm.XfrmSelector;
import io.secureoverlay.agent.xfrm.XfrmState;
import io.secureoverlay.agent.xfrm.XfrmStateEntry;
import io.secureoverlay.agent.xfrm.XfrmStateKey;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.IcvLength;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our SA messages against what a real kernel accepted from {@code ip xfrm state ...} (golden
 * captures, see resources xfrm/golden): every request byte-for-byte, with the sequence number set
 * to the capture's; replies decoded into the model.
 */
class XfrmStateCodecGoldenTest {

  static final InetAddress A = ip("192.0.2.11");
  static final InetAddress B = ip("192.0.2.12");

  static InetAddress ip(String s) {
    try {
      return InetAddress.getByName(s);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(s, e);
    }
  }

  /** The capture's test key: AES key bytes 00 01 02 ... followed by the salt "salt". */
  static SecretBytes testKey(int aesKeyBytes) {
    byte[] key = new byte[aesKeyBytes + 4];
    for (int i = 0; i < aesKeyBytes; i++) {
      key[i] = (byte) i;
    }
    System.arraycopy("salt".getBytes(StandardCharsets.US_ASCII), 0, key, aesKeyBytes, 4);
    return SecretBytes.wrap(key);
  }

  static XfrmState sa(
      InetAddress src, InetAddress dst, int spi, int slot, int keyBytes, IcvLength icv) {
    return XfrmState.transport(
        new XfrmId(dst, spi, XfrmProto.ESP),
        src,
        XfrmSelector.hosts(src, dst, XfrmSelector.IPPROTO_IPIP),
        XfrmOwnership.reqid(slot),
        new XfrmAead(testKey(keyBytes), icv));
  }

  static XfrmStateKey key(InetAddress src, InetAddress dst, int spi) {
    return XfrmStateKey.of(new XfrmId(dst, spi, XfrmProto.ESP), src);
  }

  private static void assertEncodes(NetlinkRequest request, String golden) {
    byte[] expected = GoldenHex.load(golden);
    byte[] actual = request.encode(GoldenHex.seq(expected));
    assertThat(HexFormat.of().formatHex(actual))
        .as(golden)
        .isEqualTo(HexFormat.of().formatHex(expected));
  }

  static final XfrmState AES128_ICV64 = sa(A, B, 0x5ec01001, 1, 16, IcvLength.ICV_64);
  static final XfrmState AES128_ICV96_REPLAY32 =
      sa(B, A, 0x5ec01002, 2, 16, IcvLength.ICV_96)
          .withReplay(new XfrmReplayConfig(32, false))
          .withLifetime(XfrmLifetimeConfig.limits(1_000_000, 2_000_000, 1000, 2000));
  static final XfrmState AES256_ICV128_ESN =
      sa(A, B, 0x5ec01003, 3, 32, IcvLength.ICV_128)
          .withReplay(new XfrmReplayConfig(128, true))
          .withLifetime(
              XfrmLifetimeConfig.limits(
                  XfrmLifetimeConfig.XFRM_INF,
                  XfrmLifetimeConfig.XFRM_INF,
                  3_000_000_000L,
                  4_000_000_000L));
  static final XfrmState AES128_MARKED =
      sa(A, B, 0x5ec01004, 4, 16, IcvLength.ICV_64)
          .withMark(new XfrmMark(0x5ec0, 0xffff))
          .withExtraFlags(XfrmConstants.XFRM_SA_XFLAG_DONT_ENCAP_DSCP);

  @Test
  void newSaWithAes128AndA64BitIcvIsWhatIpXfrmSends() {
    assertEncodes(XfrmStateCodec.newState(AES128_ICV64), "newsa-aes128-icv64.request");
  }

  @Test
  void newSaWith96BitIcvLimitsAndLegacyReplayWindowIsWhatIpXfrmSends() {
    assertEncodes(
        XfrmStateCodec.newState(AES128_ICV96_REPLAY32),
        "newsa-aes128-icv96-limits-replay32.request");
  }

  @Test
  void newSaWithAes256A128BitIcvAndEsnIsWhatIpXfrmSends() {
    assertEncodes(
        XfrmStateCodec.newState(AES256_ICV128_ESN), "newsa-aes256-icv128-esn-replay128.request");
  }

  @Test
  void newSaWithMarkAndExtraFlagIsWhatIpXfrmSends() {
    assertEncodes(
        XfrmStateCodec.newState(AES128_MARKED), "newsa-aes128-icv64-mark-extraflag.request");
  }

  @Test
  void updSaIsWhatIpXfrmStateUpdateSends() {
    assertEncodes(
        XfrmStateCodec.updateState(
            AES128_ICV96_REPLAY32.withLifetime(
                XfrmLifetimeConfig.limits(3_000_000, 4_000_000, 3000, 4000))),
        "updsa-aes128-icv96-limits.request");
  }

  @Test
  void getAndDeleteSaAreWhatIpXfrmSends() {
    assertEncodes(XfrmStateCodec.getState(key(A, B, 0x5ec01001)), "getsa.request");
    assertEncodes(XfrmStateCodec.getState(key(A, B, 0x5ec0dead)), "getsa-missing-esrch.request");
    assertEncodes(XfrmStateCodec.deleteState(key(A, B, 0x5ec01003)), "delsa.request");
  }

  @Test
  void theSaDumpRequestIsIpXfrmsWithoutItsEmptyAddressFilter() {
    // iproute2 appends XFRMA_ADDRESS_FILTER (40 bytes, all zero = no filter); we send none. The
    // common part, the nlmsghdr, must agree except for nlmsg_len.
    byte[] golden = GoldenHex.load("getsa-dump.request");
    byte[] ours = XfrmStateCodec.dumpStates().encode(GoldenHex.seq(golden));
    assertThat(ours).hasSize(16);
    assertThat(Arrays.copyOfRange(ours, 4, 16)).isEqualTo(Arrays.copyOfRange(golden, 4, 16));
    assertThat(golden).hasSize(56);
    assertThat(Arrays.copyOfRange(golden, 20, 56)).containsOnly(0);
  }

  @Test
  void aGetSaReplyDecodesToTheSaThatWasAdded() {
    XfrmStateEntry entry = XfrmStateCodec.decode(NetlinkMessage.of(GoldenHex.load("getsa.reply")));
    assertThat(entry.matches(AES128_ICV64)).isTrue();
    assertThat(entry.aead())
        .hasValueSatisfying(
            a -> {
              assertThat(a.algorithm()).isEqualTo("rfc4106(gcm(aes))");
              assertThat(a.keyBits()).isEqualTo(160);
              assertThat(a.icvBits()).isEqualTo(64);
              assertThat(a.keyFingerprint()).isEqualTo(testKey(16).fingerprint());
            });
    assertThat(entry.current().addTime()).isPositive();
    assertThat(entry.current().bytes()).isZero();
    assertThat(entry.replayState()).isPresent();
    assertThat(XfrmOwnership.owns(entry)).isTrue();
  }

  @Test
  void theCapturedSaDumpDecodesEverySaWithItsOwnSettings() {
    byte[] datagram = GoldenHex.load("getsa-dump.reply.1");
    byte[] done = GoldenHex.load("getsa-dump.reply.2");
    FakeTransport t =
        FakeTransport.scripted(GoldenHex.pid(datagram)).enqueue(datagram).enqueue(done);
    List<XfrmStateEntry> entries =
        new NetlinkConversation(t, XfrmNetlinkFamily.INSTANCE, GoldenHex.seq(datagram))
            .dump(XfrmStateCodec.dumpStates(), XfrmStateCodec::decode);

    assertThat(entries)
        .extracting(e -> e.id().spi())
        .containsExactly(0x777, 0x5ec01004, 0x5ec01003, 0x5ec01002, 0x5ec01001);
    XfrmStateEntry foreign = entries.get(0);
    assertThat(foreign.reqid()).isEqualTo(7);
    assertThat(XfrmOwnership.owns(foreign)).isFalse();
    assertThat(entries.get(1).matches(AES128_MARKED)).isTrue();
    assertThat(entries.get(2).matches(AES256_ICV128_ESN)).isTrue();
    assertThat(entries.get(2).replayState())
        .hasValueSatisfying(r -> assertThat(r.window()).isEqualTo(128));
    assertThat(
            entries
                .get(3)
                .matches(
                    AES128_ICV96_REPLAY32.withLifetime(
                        XfrmLifetimeConfig.limits(3_000_000, 4_000_000, 3000, 4000))))
        .isTrue();
    assertThat(entries.get(4).matches(AES128_ICV64)).isTrue();
    assertThat(entries.subList(1, 5)).allMatch(XfrmOwnership::owns);
  }
}
