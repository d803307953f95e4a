package io.secureoverlay.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureoverlay.model.Cipher;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyFingerprintsTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void epochSecretFingerprintIsHkdfUnderItsOwnLabelCheckedWithTheJdkHmac() throws Exception {
    byte[] bytes = SecretBytesTest.pattern(32);
    try (SecretBytes secret = SecretBytes.copyOf(bytes)) {
      String expected =
          HEX.formatHex(jdkHkdf(bytes, ascii("secureoverlay/fingerprint/v1/epoch-secret"), 8));

      assertThat(KeyFingerprints.ofEpochSecret(secret)).isEqualTo(expected).hasSize(16);
    }
  }

  @Test
  void theSameBytesGetUnrelatedFingerprintsPerKind() {
    try (SecretBytes secret = SecretBytes.copyOf(SecretBytesTest.pattern(32))) {
      String epoch = KeyFingerprints.ofEpochSecret(secret);
      String pair = KeyFingerprints.ofPairKey(secret);
      String generic = secret.fingerprint();

      assertThat(epoch).isNotEqualTo(pair).isNotEqualTo(generic);
      assertThat(pair).isNotEqualTo(generic);
    }
  }

  @Test
  void pairKeyFingerprintDiffersFromItsEpochSecretsAndIsStableAcrossNodes() throws Exception {
    InetAddress a = InetAddress.getByName("192.168.1.10");
    InetAddress b = InetAddress.getByName("192.168.1.11");
    try (SecretBytes secret = SecretBytes.copyOf(SecretBytesTest.pattern(32));
        SecretBytes onA = new PairKeyDeriver().derive(secret, 3, a, b, Cipher.AES_GCM_128);
        SecretBytes onB = new PairKeyDeriver().derive(secret, 3, a, b, Cipher.AES_GCM_128)) {
      assertThat(KeyFingerprints.ofPairKey(onA)).isEqualTo(KeyFingerprints.ofPairKey(onB));
      assertThat(KeyFingerprints.ofPairKey(onA))
          .isNotEqualTo(KeyFingerprints.ofEpochSecret(secret));
    }
  }

  /**
   * The number a fingerprint is kept as spells the very digits shown, for fingerprints with the top
   * bit set (negative as a long) and with leading zeros alike, and a closed key has none.
   */
  @Test
  void fingerprintBitsSpellTheSameDigitsAndBackAgain() {
    for (int seed = 0; seed < 200; seed++) {
      byte[] bytes = SecretBytesTest.pattern(20);
      bytes[0] = (byte) seed;
      try (SecretBytes key = SecretBytes.copyOf(bytes)) {
        String digits = key.fingerprint();
        assertThat(KeyFingerprints.hex(key.fingerprintBits())).isEqualTo(digits);
        assertThat(KeyFingerprints.bits(digits)).isEqualTo(key.fingerprintBits());
      }
    }
    assertThat(KeyFingerprints.hex(-1L)).isEqualTo("ffffffffffffffff");
    assertThat(KeyFingerprints.hex(0xabL)).isEqualTo("00000000000000ab");
    assertThat(KeyFingerprints.bits("80000000000000ff")).isEqualTo(0x80000000000000ffL);
    assertThatThrownBy(() -> KeyFingerprints.bits("abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16 hex digits");
    assertThatThrownBy(() -> KeyFingerprints.bits("zzzzzzzzzzzzzzzz"))
        .isInstanceOf(IllegalArgumentException.class);
    SecretBytes closed = SecretBytes.copyOf(new byte[16]);
    closed.fingerprintBits();
    closed.close();
    assertThatThrownBy(closed::fingerprintBits).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void nullOrDestroyedKeysAreRejectedByName() {
    assertThatThrownBy(() -> KeyFingerprints.ofEpochSecret(null)).hasMessage("epochSecret");
    assertThatThrownBy(() -> KeyFingerprints.ofPairKey(null)).hasMessage("pairKey");
    SecretBytes closed = SecretBytes.copyOf(new byte[32]);
    closed.close();
    assertThatThrownBy(() -> KeyFingerprints.ofPairKey(closed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pairKey was already destroyed");
  }

  /** An independent HKDF (JDK HMAC, no salt) for a single-block output. */
  static byte[] jdkHkdf(byte[] ikm, byte[] info, int length) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
    byte[] prk = mac.doFinal(ikm);
    mac.init(new SecretKeySpec(prk, "HmacSHA256"));
    mac.update(info);
    byte[] t1 = mac.doFinal(new byte[] {1});
    if (length <= 32) {
      return java.util.Arrays.copyOf(t1, length);
    }
    mac.update(t1);
    mac.update(info);
    byte[] t2 = mac.doFinal(new byte[] {2});
    byte[] out = new byte[length];
    System.arraycopy(t1, 0, out, 0, 32);
    System.arraycopy(t2, 0, out, 32, length - 32);
    return out;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
