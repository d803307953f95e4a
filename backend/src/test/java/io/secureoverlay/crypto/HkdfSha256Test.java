package io.secureoverlay.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/** RFC 5869 Appendix A, the SHA-256 cases, through the same HKDF path pair keys use. */
class HkdfSha256Test {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void rfc5869TestCase1BasicWithSaltAndInfo() {
    byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    byte[] salt = HEX.parseHex("000102030405060708090a0b0c");
    byte[] info = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");

    byte[] okm = HkdfSha256.derive(ikm, salt, info, 42);

    assertThat(HEX.formatHex(okm))
        .isEqualTo(
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  }

  @Test
  void rfc5869TestCase2LongInputsAndOutput() {
    byte[] ikm = range(0x00, 80);
    byte[] salt = range(0x60, 80);
    byte[] info = range(0xb0, 80);

    byte[] okm = HkdfSha256.derive(ikm, salt, info, 82);

    assertThat(HEX.formatHex(okm))
        .isEqualTo(
            "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                + "cc30c58179ec3e87c14c01d5c1f3434f1d87");
  }

  @Test
  void rfc5869TestCase3EmptySaltAndInfo() {
    byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    String expected =
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8";

    assertThat(HEX.formatHex(HkdfSha256.derive(ikm, new byte[0], new byte[0], 42)))
        .isEqualTo(expected);
    // Pair keys pass a null salt: RFC 5869 says that means the same hash-length zero string.
    assertThat(HEX.formatHex(HkdfSha256.derive(ikm, null, new byte[0], 42))).isEqualTo(expected);
  }

  @Test
  void inputsAreNotModified() {
    byte[] ikm = range(0x10, 32);
    byte[] info = range(0x40, 8);

    HkdfSha256.derive(ikm, null, info, 36);

    assertThat(ikm).isEqualTo(range(0x10, 32));
    assertThat(info).isEqualTo(range(0x40, 8));
  }

  @Test
  void outOfRangeLengthOrNullInputsAreRejectedByName() {
    byte[] ikm = new byte[32];
    assertThatThrownBy(() -> HkdfSha256.derive(ikm, null, new byte[0], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("output length")
        .hasMessageContaining("was 0");
    assertThatThrownBy(() -> HkdfSha256.derive(ikm, null, new byte[0], 255 * 32 + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 8161");
    assertThatThrownBy(() -> HkdfSha256.derive(null, null, new byte[0], 32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("input keying material");
    assertThatThrownBy(() -> HkdfSha256.derive(ikm, null, null, 32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("info");
  }

  @Test
  void oneBlockWithoutSaltTheFingerprintCaseAgreesWithBouncyCastle() {
    Random random = new Random(32);
    for (int ikmLength : new int[] {0, 16, 32, 64, 65, 100}) {
      for (int length : new int[] {1, 8, 31, 32}) {
        for (byte[] salt : new byte[][] {null, new byte[0]}) {
          byte[] ikm = bytes(random, ikmLength);
          byte[] info = bytes(random, 40);
          byte[] expected = new byte[length];
          HKDFBytesGenerator reference = new HKDFBytesGenerator(new SHA256Digest());
          reference.init(new HKDFParameters(ikm, salt, info));
          reference.generateBytes(expected, 0, length);

          assertThat(HkdfSha256.derive(ikm, salt, info, length))
              .as("ikm %d bytes, length %d, salt %s", ikmLength, length, salt)
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void agreesWithBouncyCastlesHkdfOnRandomInputsOfEveryLengthClass() {
    Random random = new Random(5869);
    for (int run = 0; run < 500; run++) {
      // Keys and salts around the 64-byte block, where HMAC switches to hashing the key.
      byte[] ikm = bytes(random, random.nextInt(150));
      byte[] salt = run % 5 == 0 ? null : bytes(random, random.nextInt(150));
      byte[] info = bytes(random, random.nextInt(100));
      int length = 1 + random.nextInt(run % 10 == 0 ? 300 : 64);

      byte[] expected = new byte[length];
      HKDFBytesGenerator reference = new HKDFBytesGenerator(new SHA256Digest());
      reference.init(new HKDFParameters(ikm, salt, info));
      reference.generateBytes(expected, 0, length);

      assertThat(HkdfSha256.derive(ikm, salt, info, length)).as("run %d", run).isEqualTo(expected);
      byte[] prk = HkdfSha256.extract(ikm, salt);
      try (HkdfSha256.Expander expander = new HkdfSha256.Expander(prk)) {
        assertThat(expander.expand(info, length)).as("run %d, expander", run).isEqualTo(expected);
      }
    }
  }

  @Test
  void hmacAgreesWithBouncyCastlesForKeysShorterLongerAndEqualToTheBlock() {
    Random random = new Random(2104);
    for (int keyLength : new int[] {0, 1, 31, 32, 63, 64, 65, 128, 200}) {
      byte[] key = bytes(random, keyLength);
      byte[] message = bytes(random, random.nextInt(200));
      HMac reference = new HMac(new SHA256Digest());
      reference.init(new KeyParameter(key));
      reference.update(message, 0, message.length);
      byte[] expected = new byte[32];
      reference.doFinal(expected, 0);

      byte[] actual = new byte[40];
      try (HmacSha256 hmac = new HmacSha256(key)) {
        hmac.mac(actual, 8, message);
        // A keyed HMAC is reused for many messages: a second MAC must not see the first.
        byte[] again = new byte[32];
        hmac.mac(again, 0, message);
        assertThat(again).as("key of %d bytes, reused", keyLength).isEqualTo(expected);
      }
      assertThat(java.util.Arrays.copyOfRange(actual, 8, 40))
          .as("key of %d bytes", keyLength)
          .isEqualTo(expected);
    }
  }

  @Test
  void aClosedHmacOrExpanderRefusesToWork() {
    HmacSha256 hmac = new HmacSha256(new byte[32]);
    hmac.close();
    assertThatThrownBy(() -> hmac.mac(new byte[32], 0, new byte[1]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    HkdfSha256.Expander expander = new HkdfSha256.Expander(new byte[32]);
    expander.close();
    assertThatThrownBy(() -> expander.expand(new byte[1], 32))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  private static byte[] bytes(Random random, int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] range(int first, int count) {
    byte[] bytes = new byte[count];
    for (int i = 0; i < count; i++) {
      bytes[i] = (byte) (first + i);
    }
    return bytes;
  }
}
