package io.secureoverlay.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.secureoverlay.model.Cipher;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PairKeyDeriverTest {

  private static final HexFormat HEX = HexFormat.of();
  private final PairKeyDeriver deriver = new PairKeyDeriver();

  @Test
  void keyLengthIsKeyPlusFourByteSaltForEachCipher() throws Exception {
    InetAddress a = InetAddress.getByName("10.0.0.1");
    InetAddress b = InetAddress.getByName("10.0.0.2");
    try (SecretBytes secret = new EpochSecretGenerator().newEpochSecret();
        SecretBytes k128 = deriver.derive(secret, 1, a, b, Cipher.AES_GCM_128);
        SecretBytes k256 = deriver.derive(secret, 1, a, b, Cipher.AES_GCM_256)) {
      assertThat(k128.length()).isEqualTo(Cipher.AES_GCM_128.keyWithSaltBytes()).isEqualTo(20);
      assertThat(k256.length()).isEqualTo(Cipher.AES_GCM_256.keyWithSaltBytes()).isEqualTo(36);
      // The cipher id is in the info, so the shorter key is not a prefix of the longer one.
      byte[] short128 = k128.copy();
      byte[] long256 = k256.copy();
      assertThat(Arrays.equals(short128, Arrays.copyOf(long256, 20))).isFalse();
      Arrays.fill(short128, (byte) 0);
      Arrays.fill(long256, (byte) 0);
    }
  }

  @Test
  void twoNodesDeriveTheSameKeyAndTheReverseDirectionDiffers() throws Exception {
    InetAddress a = InetAddress.getByName("10.0.0.1");
    InetAddress b = InetAddress.getByName("10.0.0.2");
    try (SecretBytes secret = new EpochSecretGenerator().newEpochSecret();
        SecretBytes onSender = new PairKeyDeriver().derive(secret, 7, a, b, Cipher.AES_GCM_256);
        SecretBytes onReceiver = new PairKeyDeriver().derive(secret, 7, a, b, Cipher.AES_GCM_256);
        SecretBytes reverse = deriver.derive(secret, 7, b, a, Cipher.AES_GCM_256)) {
      assertThat(onSender.sameBytesAs(onReceiver)).isTrue();
      assertThat(onSender.sameBytesAs(reverse)).isFalse();
    }
  }

  @Test
  void ipv4KeyEqualsAnIndependentHkdfOverTheHandWrittenInfo() throws Exception {
    byte[] secretBytes = SecretBytesTest.pattern(32);
    byte[] info =
        HEX.parseHex(
            PairKeyContextTest.LABEL_HEX
                + "0000000000000102"
                + "0b6165732d67636d2d313238"
                + "040a000001"
                + "040a000002");
    try (SecretBytes secret = SecretBytes.copyOf(secretBytes);
        SecretBytes key =
            deriver.derive(
                secret,
                258,
                InetAddress.getByName("10.0.0.1"),
                InetAddress.getByName("10.0.0.2"),
                Cipher.AES_GCM_128);
        SecretBytes expected =
            SecretBytes.wrap(KeyFingerprintsTest.jdkHkdf(secretBytes, info, 20))) {
      assertThat(key.sameBytesAs(expected)).isTrue();
    }
  }

  @Test
  void ipv6Aes256KeyEqualsAnIndependentTwoBlockHkdf() throws Exception {
    byte[] secretBytes = SecretBytesTest.pattern(32);
    byte[] info =
        HEX.parseHex(
            PairKeyContextTest.LABEL_HEX
                + "0000000000000001"
                + "0b6165732d67636d2d323536"
                + "06fd000000000000000000000000000001"
                + "06fd000000000000000000000000000002");
    try (SecretBytes secret = SecretBytes.copyOf(secretBytes);
        SecretBytes key =
            deriver.derive(
                secret,
                1,
                InetAddress.getByName("fd00::1"),
                InetAddress.getByName("fd00::2"),
                Cipher.AES_GCM_256);
        SecretBytes expected =
            SecretBytes.wrap(KeyFingerprintsTest.jdkHkdf(secretBytes, info, 36))) {
      assertThat(key.sameBytesAs(expected)).isTrue();
    }
  }

  @Test
  void badInputGetsASpecificErrorThatNeverShowsTheSecret() throws Exception {
    InetAddress v4a = InetAddress.getByName("10.0.0.1");
    InetAddress v4b = InetAddress.getByName("10.0.0.2");
    InetAddress v6 = InetAddress.getByName("fd00::2");
    Cipher gcm = Cipher.AES_GCM_128;
    byte[] secretBytes = SecretBytesTest.pattern(32);
    String secretHex = HEX.formatHex(secretBytes);
    try (SecretBytes secret = SecretBytes.copyOf(secretBytes);
        SecretBytes shortSecret = SecretBytes.copyOf(Arrays.copyOf(secretBytes, 16))) {
      SecretBytes closed = SecretBytes.copyOf(secretBytes);
      closed.close();

      assertRejected(
          () -> deriver.derive(null, 1, v4a, v4b, gcm), secretHex, "epochSecret must not be null");
      assertRejected(
          () -> deriver.derive(closed, 1, v4a, v4b, gcm),
          secretHex,
          "epochSecret was already destroyed");
      assertRejected(
          () -> deriver.derive(shortSecret, 1, v4a, v4b, gcm),
          secretHex,
          "epochSecret must be 32 bytes, was 16");
      assertRejected(
          () -> deriver.derive(secret, -1, v4a, v4b, gcm), secretHex, "epoch must be >= 0, was -1");
      assertRejected(
          () -> deriver.derive(secret, 1, null, v4b, gcm),
          secretHex,
          "source address must not be null");
      assertRejected(
          () -> deriver.derive(secret, 1, v4a, null, gcm),
          secretHex,
          "destination address must not be null");
      assertRejected(
          () -> deriver.derive(secret, 1, v4a, v4b, null), secretHex, "cipher must not be null");
      assertRejected(
          () -> deriver.derive(secret, 1, v4a, v6, gcm),
          secretHex,
          "must be the same address family");
      assertRejected(
          () -> deriver.derive(secret, 1, v4a, v4a, gcm),
          secretHex,
          "source and destination are the same address 10.0.0.1");
      // A rejected call leaves the epoch secret usable.
      assertThat(secret.isDestroyed()).isFalse();
    }
  }

  private static void assertRejected(Runnable call, String secretHex, String expectedMessage) {
    Throwable thrown = catchThrowable(call::run);
    assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
    assertThat(thrown.getMessage()).contains(expectedMessage).doesNotContain(secretHex);
    assertThat(thrown.toString()).doesNotContain(secretHex);
  }
}
