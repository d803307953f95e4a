package io.secureoverlay.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
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

  private static byte[] range(int first, int count) {
    byte[] bytes = new byte[count];
    for (int i = 0; i < count; i++) {
      bytes[i] = (byte) (first + i);
    }
    return bytes;
  }
}
