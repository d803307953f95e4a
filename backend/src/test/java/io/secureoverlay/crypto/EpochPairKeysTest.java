package io.secureoverlay.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureoverlay.model.Cipher;
import java.net.InetAddress;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The extract-once path gives exactly the keys of {@link PairKeyDeriver#derive}. */
class EpochPairKeysTest {

  private final PairKeyDeriver deriver = new PairKeyDeriver();

  @Test
  void everyPairKeyIsByteIdenticalToTheOneShotDerivation() throws Exception {
    SplittableRandom random = new SplittableRandom(4);
    byte[] raw = new byte[EpochSecretGenerator.EPOCH_SECRET_BYTES];
    for (int round = 0; round < 20; round++) {
      random.nextBytes(raw);
      long epoch = random.nextLong(0, Long.MAX_VALUE);
      try (SecretBytes secret = SecretBytes.copyOf(raw);
          EpochPairKeys keys = deriver.forEpoch(secret, epoch)) {
        for (int pair = 0; pair < 10; pair++) {
          InetAddress src = address(random);
          InetAddress dst = address(random);
          if (src.equals(dst)) {
            continue;
          }
          Cipher cipher = random.nextBoolean() ? Cipher.AES_GCM_128 : Cipher.AES_GCM_256;
          try (SecretBytes fast = keys.derive(src, dst, cipher);
              SecretBytes oneShot = deriver.derive(secret, epoch, src, dst, cipher)) {
            assertThat(fast.length()).isEqualTo(cipher.keyWithSaltBytes());
            assertThat(fast.sameBytesAs(oneShot)).as("%s -> %s %s", src, dst, cipher).isTrue();
          }
        }
      }
    }
  }

  @Test
  void closingZeroesTheEpochAndRefusesFurtherKeys() throws Exception {
    InetAddress a = InetAddress.getByName("10.0.0.1");
    InetAddress b = InetAddress.getByName("10.0.0.2");
    try (SecretBytes secret = new EpochSecretGenerator().newEpochSecret()) {
      EpochPairKeys keys = deriver.forEpoch(secret, 3);
      keys.derive(a, b, Cipher.AES_GCM_128).close();

      keys.close();

      assertThat(keys.isClosed()).isTrue();
      assertThat(keys.toString()).isEqualTo("EpochPairKeys[epoch 3, closed]");
      assertThatThrownBy(() -> keys.derive(a, b, Cipher.AES_GCM_128))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("the pair keys of epoch 3 were already closed");
      // The epoch secret belongs to the caller and stays usable.
      assertThat(secret.isDestroyed()).isFalse();
    }
  }

  @Test
  void badInputIsRefusedByName() throws Exception {
    try (SecretBytes secret = new EpochSecretGenerator().newEpochSecret()) {
      assertThatThrownBy(() -> deriver.forEpoch(secret, -1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("epoch must be >= 0, was -1");
      assertThatThrownBy(() -> deriver.forEpoch(SecretBytes.copyOf(new byte[16]), 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("epochSecret must be");
      try (EpochPairKeys keys = deriver.forEpoch(secret, 1)) {
        InetAddress a = InetAddress.getByName("10.0.0.1");
        assertThatThrownBy(() -> keys.derive(a, a, Cipher.AES_GCM_128))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("a node has no pair key with itself");
      }
    }
  }

  private static InetAddress address(SplittableRandom random) throws Exception {
    byte[] b = {
      10, (byte) random.nextInt(4), (byte) random.nextInt(256), (byte) random.nextInt(256)
    };
    return InetAddress.getByAddress(b);
  }
}
