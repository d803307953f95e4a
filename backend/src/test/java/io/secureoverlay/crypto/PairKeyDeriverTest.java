package io.secureoverlay.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.model.Cipher;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class PairKeyDeriverTest {

  private final PairKeyDeriver deriver = new PairKeyDeriver();

  @Test
  void keyLengthIsKeyPlusFourByteSaltForEachCipher() throws Exception {
    InetAddress a = InetAddress.getByName("10.0.0.1");
    InetAddress b = InetAddress.getByName("10.0.0.2");
    try (SecretBytes secret = new EpochSecretGenerator().newEpochSecret();
        SecretBytes k128 = deriver.derive(secret, 1, a, b, Cipher.AES_GCM_128);
        SecretBytes k256 = deriver.derive(secret, 1, a, b, Cipher.AES_GCM_256)) {
      assertThat(k128.length()).isEqualTo(20);
      assertThat(k256.length()).isEqualTo(36);
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
}
