package io.secureoverlay.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EpochSecretGeneratorTest {

  @Test
  void defaultSourceIsTheJdkDrbgAndGivesDistinct32ByteSecrets() {
    EpochSecretGenerator generator = new EpochSecretGenerator();

    try (SecretBytes first = generator.newEpochSecret();
        SecretBytes second = generator.newEpochSecret()) {
      assertThat(generator.algorithm()).isEqualTo("DRBG");
      assertThat(first.length()).isEqualTo(32);
      assertThat(second.length()).isEqualTo(32);
      assertThat(first.sameBytesAs(second)).isFalse();
      byte[] copy = first.copy();
      assertThat(copy).as("not all zero").isNotEqualTo(new byte[32]);
      Arrays.fill(copy, (byte) 0);
    }
  }

  @Test
  void usesTheSourceItIsGiven() {
    SecureRandom constant =
        new SecureRandom() {
          @Override
          public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 0x5a);
          }
        };

    try (SecretBytes secret = new EpochSecretGenerator(constant).newEpochSecret()) {
      byte[] copy = secret.copy();
      assertThat(copy).hasSize(32).containsOnly((byte) 0x5a);
      Arrays.fill(copy, (byte) 0);
    }
  }

  @Test
  void nullSourceIsRejectedByName() {
    assertThatThrownBy(() -> new EpochSecretGenerator(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("random must not be null");
  }
}
