package io.secureoverlay.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class KeyRingTest {

  @Test
  void epochsComeOutOldestFirst() {
    try (KeyRing ring = KeyMaterial.ring(Cipher.AES_GCM_128, IcvLength.ICV_64, 43, 41, 42)) {
      assertThat(ring.epochs()).containsExactly(41L, 42L, 43L);
      assertThat(ring.newestEpoch()).contains(43L);
      assertThat(ring.isEmpty()).isFalse();
    }
  }

  @Test
  void closingZeroesEverySecret() {
    KeyRing ring = KeyMaterial.ring(Cipher.AES_GCM_256, IcvLength.ICV_128, 1, 2);
    SecretBytes one = ring.secret(1);
    SecretBytes two = ring.secret(2);

    ring.close();

    assertThat(one.isDestroyed()).isTrue();
    assertThat(two.isDestroyed()).isTrue();
    assertThatThrownBy(one::copy).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void toStringShowsFingerprintsNeverKeys() {
    try (KeyRing ring = KeyMaterial.ring(Cipher.AES_GCM_128, IcvLength.ICV_96, 41, 42)) {
      String text = ring.toString();

      assertThat(text)
          .isEqualTo(
              "KeyRing[cipher=aes-gcm-128, icv=96, epochs={41="
                  + ring.secret(41).fingerprint()
                  + ", 42="
                  + ring.secret(42).fingerprint()
                  + "}]");
      KeyMaterial.assertFreeOfKeys(
          text,
          List.of(
              KeyMaterial.bytes(KeyRing.SECRET_BYTES, 41),
              KeyMaterial.bytes(KeyRing.SECRET_BYTES, 42)));
      ring.close();
      assertThat(ring.toString()).contains("41=destroyed");
    }
  }

  @Test
  void anUnknownEpochNamesTheLiveOnes() {
    try (KeyRing ring = KeyMaterial.ring(Cipher.AES_GCM_128, IcvLength.ICV_64, 41)) {
      assertThatThrownBy(() -> ring.secret(40))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("no secret for epoch 40: live epochs [41]");
    }
  }

  @Test
  void aWrongLengthSecretIsRefusedAndEverySecretHandedInIsZeroed() {
    SecretBytes good = SecretBytes.wrap(KeyMaterial.bytes(32, 1));
    SecretBytes shortOne = SecretBytes.wrap(KeyMaterial.bytes(16, 2));
    Map<Long, SecretBytes> secrets = new HashMap<>(Map.of(1L, good, 2L, shortOne));

    assertThatThrownBy(() -> new KeyRing(Cipher.AES_GCM_128, IcvLength.ICV_64, secrets))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("epoch 2 secret is 16 bytes, expected 32");
    assertThat(good.isDestroyed()).isTrue();
    assertThat(shortOne.isDestroyed()).isTrue();
  }

  @Test
  void aNegativeEpochIsRefused() {
    SecretBytes secret = SecretBytes.wrap(KeyMaterial.bytes(32, 1));

    assertThatThrownBy(() -> new KeyRing(Cipher.AES_GCM_128, IcvLength.ICV_64, Map.of(-1L, secret)))
        .hasMessage("epoch -1 is negative");
    assertThat(secret.isDestroyed()).isTrue();
  }

  @Test
  void anEmptyRingIsAllowedForADisabledCluster() {
    try (KeyRing ring = new KeyRing(Cipher.AES_GCM_128, IcvLength.ICV_64, Map.of())) {
      assertThat(ring.epochs()).isEmpty();
      assertThat(ring.newestEpoch()).isEmpty();
      assertThat(ring).hasToString("KeyRing[cipher=aes-gcm-128, icv=64, epochs={}]");
    }
  }
}
