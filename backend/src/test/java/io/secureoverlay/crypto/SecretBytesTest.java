package io.secureoverlay.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SecretBytesTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void closeZeroesTheWrappedArrayAndLaterReadsFail() {
    byte[] owned = pattern(32);
    SecretBytes secret = SecretBytes.wrap(owned);

    secret.close();

    assertThat(owned).containsOnly((byte) 0);
    assertThat(secret.isDestroyed()).isTrue();
    assertThatThrownBy(secret::copy)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("key material was already destroyed");
    assertThatThrownBy(secret::fingerprint).isInstanceOf(IllegalStateException.class);
    secret.close(); // idempotent
  }

  @Test
  void copyOfLeavesTheCallersArrayAloneAndCopiesAreIndependent() {
    byte[] source = pattern(16);
    try (SecretBytes secret = SecretBytes.copyOf(source)) {
      byte[] copy = secret.copy();
      copy[0] ^= 1;
      assertThat(secret.copy()).isEqualTo(pattern(16));
      secret.close();
      assertThat(source).isEqualTo(pattern(16));
    }
  }

  @Test
  void toStringShowsLengthButNeverTheBytes() {
    byte[] bytes = pattern(32);
    String hex = HEX.formatHex(bytes);
    SecretBytes secret = SecretBytes.copyOf(bytes);

    assertThat(secret.toString()).isEqualTo("SecretBytes[32 bytes, redacted]").doesNotContain(hex);
    secret.close();
    assertThat(secret.toString()).isEqualTo("SecretBytes[32 bytes, destroyed]");
  }

  @Test
  void equalityIsIdentityNotContent() {
    try (SecretBytes a = SecretBytes.copyOf(pattern(32));
        SecretBytes b = SecretBytes.copyOf(pattern(32))) {
      assertThat(a).isNotEqualTo(b);
      assertThat(a).isEqualTo(a);
      assertThat(a.hashCode()).isEqualTo(System.identityHashCode(a));
      assertThat(a.sameBytesAs(b)).isTrue();
    }
  }

  @Test
  void fingerprintIsSixteenHexDigitsStableAndNotPlainTruncatedSha256() throws Exception {
    byte[] bytes = pattern(32);
    try (SecretBytes a = SecretBytes.copyOf(bytes);
        SecretBytes b = SecretBytes.copyOf(bytes);
        SecretBytes other = SecretBytes.copyOf(pattern(31))) {
      String plainSha = HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);

      assertThat(a.fingerprint()).matches("[0-9a-f]{16}").isEqualTo(b.fingerprint());
      assertThat(a.fingerprint()).isNotEqualTo(plainSha).isNotEqualTo(other.fingerprint());
      assertThat(HEX.formatHex(bytes)).doesNotContain(a.fingerprint());
    }
  }

  @Test
  void nullSourcesAreRejectedByName() {
    assertThatThrownBy(() -> SecretBytes.wrap(null)).hasMessage("source");
    assertThatThrownBy(() -> SecretBytes.copyOf(null)).hasMessage("source");
    try (SecretBytes a = SecretBytes.copyOf(pattern(4))) {
      assertThatThrownBy(() -> a.sameBytesAs(null)).hasMessage("other");
    }
  }

  static byte[] pattern(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (0xa0 + i);
    }
    return bytes;
  }
}
