package io.secureoverlay.agent.xfrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model refuses what the kernel would refuse or misread, naming the field, and hides keys. */
class XfrmModelTest {

  private static InetAddress ip(String s) throws UnknownHostException {
    return InetAddress.getByName(s);
  }

  private static SecretBytes key(int n) {
    byte[] k = new byte[n];
    java.util.Arrays.fill(k, (byte) 0x42);
    return SecretBytes.wrap(k);
  }

  @Test
  void anAeadShowsSizesButNeverItsKey() {
    XfrmAead aead = new XfrmAead(key(20), IcvLength.ICV_96);
    assertThat(aead.toString())
        .isEqualTo("XfrmAead[rfc4106(gcm(aes)), key 160 bits redacted, icv 96 bits]")
        .doesNotContain("42");
    assertThat(aead.keyBits()).isEqualTo(160);
  }

  @Test
  void aStateToStringCarriesNoKeyBytes() throws Exception {
    XfrmState s =
        XfrmState.transport(
            new XfrmId(ip("192.0.2.12"), 0x5ec01001, XfrmProto.ESP),
            ip("192.0.2.11"),
            XfrmSelector.hosts(ip("192.0.2.11"), ip("192.0.2.12"), 4),
            XfrmOwnership.reqid(1),
            new XfrmAead(key(36), IcvLength.ICV_128));
    assertThat(s.toString()).contains("spi=0x5ec01001", "redacted").doesNotContain("4242");
  }

  @Test
  void aKeyBlobMustBeAnAesKeyPlusSalt() {
    assertThatThrownBy(() -> new XfrmAead(key(16), IcvLength.ICV_64))
        .hasMessageContaining("plus a 4-byte salt, got 16 bytes");
    assertThatThrownBy(() -> XfrmAead.of(Cipher.AES_GCM_256, key(20), IcvLength.ICV_64))
        .hasMessageContaining("aes-gcm-256 needs a 36-byte key blob, got 20");
    assertThat(XfrmAead.of(Cipher.AES_GCM_128, key(20), IcvLength.ICV_64).keyBits()).isEqualTo(160);
  }

  @Test
  void anAeadRefusesAKeyThatWasAlreadyZeroed() {
    SecretBytes k = key(20);
    k.close();
    assertThatThrownBy(() -> new XfrmAead(k, IcvLength.ICV_64))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already zeroed");
  }

  @Test
  void selectorsCheckFamilyPrefixProtoAndPorts() throws Exception {
    assertThatThrownBy(() -> XfrmSelector.hosts(ip("192.0.2.1"), ip("2001:db8::1"), 4))
        .hasMessageContaining("different families");
    assertThatThrownBy(
            () -> new XfrmSelector(ip("192.0.2.1"), 33, ip("192.0.2.2"), 32, 4, 0, 0, 0, 0, 0, 0))
        .hasMessageContaining("selector destinationPrefixLength must be in 0..32");
    assertThatThrownBy(
            () -> new XfrmSelector(ip("192.0.2.1"), 32, ip("192.0.2.2"), 32, 256, 0, 0, 0, 0, 0, 0))
        .hasMessageContaining("selector proto must be in 0..255");
    assertThatThrownBy(
            () ->
                new XfrmSelector(
                    ip("192.0.2.1"), 32, ip("192.0.2.2"), 32, 17, 70000, 0, 0, 0, 0, 0))
        .hasMessageContaining("selector destinationPort");
    assertThat(
            XfrmSelector.hosts(ip("2001:db8::1"), ip("2001:db8::2"), 4).destinationPrefixLength())
        .isEqualTo(128);
  }

  @Test
  void softLimitsMayNotExceedHardOnes() {
    assertThatThrownBy(() -> XfrmLifetimeConfig.limits(10, 5, 1, 2))
        .hasMessageContaining("soft byte limit 10 is above the hard byte limit 5");
    assertThatThrownBy(() -> XfrmLifetimeConfig.limits(1, 2, XfrmLifetimeConfig.XFRM_INF, 2))
        .hasMessageContaining("soft packet limit 18446744073709551615");
    assertThat(XfrmLifetimeConfig.limits(1, XfrmLifetimeConfig.XFRM_INF, 1, 2)).isNotNull();
    assertThatThrownBy(() -> new XfrmLifetimeConfig(0, 0, 0, 0, 10, 5, 0, 0))
        .hasMessageContaining("soft add expiry 10 s is after the hard one 5 s");
  }

  @Test
  void replayWindowsFitTheKernelsLimits() {
    assertThat(new XfrmReplayConfig(32, false).needsEsnAttribute()).isFalse();
    assertThat(new XfrmReplayConfig(33, false).needsEsnAttribute()).isTrue();
    assertThat(new XfrmReplayConfig(1, true).needsEsnAttribute()).isTrue();
    assertThatThrownBy(() -> new XfrmReplayConfig(4097, true)).hasMessageContaining("0..4096");
    assertThatThrownBy(() -> new XfrmReplayConfig(0, true)).hasMessageContaining("at least 1");
  }

  @Test
  void anAeadStateMustBeEspOfOneFamily() throws Exception {
    XfrmAead aead = new XfrmAead(key(20), IcvLength.ICV_64);
    XfrmSelector sel = XfrmSelector.hosts(ip("192.0.2.11"), ip("192.0.2.12"), 4);
    assertThatThrownBy(
            () ->
                XfrmState.transport(
                    new XfrmId(ip("192.0.2.12"), 1, XfrmProto.AH), ip("192.0.2.11"), sel, 1, aead))
        .hasMessageContaining("must be ESP, not AH");
    assertThatThrownBy(
            () ->
                XfrmState.transport(
                    new XfrmId(ip("2001:db8::2"), 1, XfrmProto.ESP),
                    ip("192.0.2.11"),
                    sel,
                    1,
                    aead))
        .hasMessageContaining("different families");
  }

  @Test
  void enumsMapKernelNumbersBothWays() {
    assertThat(XfrmProto.fromNumber(50)).isEqualTo(XfrmProto.ESP);
    assertThat(XfrmMode.fromNumber(0)).isEqualTo(XfrmMode.TRANSPORT);
    assertThat(XfrmDirection.fromNumber(1)).isEqualTo(XfrmDirection.OUT);
    assertThat(XfrmPolicyAction.fromNumber(1)).isEqualTo(XfrmPolicyAction.BLOCK);
    assertThat(AddressFamily.fromNumber(10)).isEqualTo(AddressFamily.INET6);
    assertThatThrownBy(() -> XfrmProto.fromNumber(6)).hasMessageContaining("protocol number 6");
    assertThatThrownBy(() -> XfrmMode.fromNumber(9)).hasMessageContaining("mode 9");
  }

  @Test
  void aPolicyCopiesItsTemplateList() throws Exception {
    List<XfrmTemplate> tmpls =
        new java.util.ArrayList<>(
            List.of(XfrmTemplate.transport(XfrmProto.ESP, 1, AddressFamily.INET)));
    XfrmPolicy p =
        XfrmPolicy.allow(
            XfrmSelector.hosts(ip("192.0.2.1"), ip("192.0.2.2"), 4), XfrmDirection.OUT, 1, tmpls);
    tmpls.clear();
    assertThat(p.templates()).hasSize(1);
  }
}
