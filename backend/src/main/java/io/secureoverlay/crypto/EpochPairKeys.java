package io.secureoverlay.crypto;

import io.secureoverlay.model.Cipher;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * The pair keys of one epoch: HKDF-Extract over S_k done once, each pair key one HKDF-Expand. Holds
 * the PRK as {@link SecretBytes}; {@link #close()} zeroes it (and the HMAC pads derived from it),
 * which the owner does when the epoch is dropped. Keys are byte-identical to {@link
 * PairKeyDeriver#derive}. Thread-safe.
 */
public final class EpochPairKeys implements AutoCloseable {

  private final long epoch;
  private final SecretBytes prk;
  private final HkdfSha256.Expander expander;

  private EpochPairKeys(long epoch, SecretBytes prk, HkdfSha256.Expander expander) {
    this.epoch = epoch;
    this.prk = prk;
    this.expander = expander;
  }

  /** Extracts the PRK of {@code epochSecret}; the secret is read, not kept and not closed. */
  static EpochPairKeys extract(SecretBytes epochSecret, long epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must be >= 0, was " + epoch);
    }
    byte[] ikm = epochSecret.copy();
    byte[] prk = HkdfSha256.extract(ikm, null);
    Arrays.fill(ikm, (byte) 0);
    try {
      return new EpochPairKeys(epoch, SecretBytes.wrap(prk), new HkdfSha256.Expander(prk));
    } catch (RuntimeException e) {
      Arrays.fill(prk, (byte) 0);
      throw e;
    }
  }

  public long epoch() {
    return epoch;
  }

  /**
   * Key followed by the 4-byte RFC 4106 salt for {@code source -> destination} in this epoch.
   *
   * @return a new secret the caller owns and closes
   * @throws IllegalArgumentException naming the bad argument
   * @throws IllegalStateException if this epoch's keys were already closed
   */
  public SecretBytes derive(InetAddress source, InetAddress destination, Cipher cipher) {
    if (prk.isDestroyed()) {
      throw new IllegalStateException("the pair keys of epoch " + epoch + " were already closed");
    }
    byte[] info = new PairKeyContext(epoch, source, destination, cipher).info();
    try {
      return SecretBytes.wrap(expander.expand(info, cipher.keyWithSaltBytes()));
    } finally {
      Arrays.fill(info, (byte) 0);
    }
  }

  public boolean isClosed() {
    return prk.isDestroyed();
  }

  /** Zeroes the PRK and the HMAC state keyed with it. Idempotent. */
  @Override
  public void close() {
    expander.close();
    prk.close();
  }

  @Override
  public String toString() {
    return "EpochPairKeys[epoch " + epoch + ", " + (isClosed() ? "closed" : "redacted") + "]";
  }
}
