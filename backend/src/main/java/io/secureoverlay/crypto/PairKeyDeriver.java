package io.secureoverlay.crypto;

import io.secureoverlay.model.Cipher;
import java.net.InetAddress;

/**
 * Derives the ESP key of one direction between two nodes for rfc4106(gcm(aes)): HKDF-SHA256 (RFC
 * 5869, BouncyCastle) over the epoch secret S_k, no salt, with an {@code info} that binds the label
 * {@code secureoverlay/esp/v1}, the epoch, the cipher id and the source and destination addresses
 * (see {@link PairKeyContext} for the exact encoding). The output is the AES key followed by the
 * 4-byte RFC 4106 salt, exactly the kernel's key blob.
 *
 * <p>Every directional pair gets its own key, so no two senders ever share a GCM key and nonce
 * space; both ends compute the same key from the same inputs, so nothing but S_k is distributed.
 * Stateless and thread-safe; {@link #forEpoch} extracts once for the many keys of one epoch.
 */
public final class PairKeyDeriver {

  public PairKeyDeriver() {}

  /**
   * Key followed by the 4-byte RFC 4106 salt: {@code cipher.keyWithSaltBytes()} bytes.
   *
   * @param epochSecret S_k, exactly {@value EpochSecretGenerator#EPOCH_SECRET_BYTES} bytes, not
   *     closed; left open
   * @param epoch the epoch number k, >= 0
   * @param source the sending node's underlay address
   * @param destination the receiving node's underlay address, same family as {@code source}
   * @param cipher the ESP cipher, which fixes the output length
   * @return a new secret the caller owns and closes
   * @throws IllegalArgumentException naming the bad argument (never showing key bytes)
   */
  public SecretBytes derive(
      SecretBytes epochSecret,
      long epoch,
      InetAddress source,
      InetAddress destination,
      Cipher cipher) {
    try (EpochPairKeys keys = forEpoch(epochSecret, epoch)) {
      return keys.derive(source, destination, cipher);
    }
  }

  /**
   * The pair keys of one epoch, for a caller that derives many: the HKDF-Extract over S_k is done
   * here once, each {@link EpochPairKeys#derive} is one HKDF-Expand. Keys are byte-identical to
   * {@link #derive}.
   *
   * @param epochSecret S_k, as for {@link #derive}; read now, not kept, left open
   * @param epoch the epoch number k, >= 0
   * @return the epoch's keys, which the caller closes when it drops the epoch (zeroing the PRK)
   * @throws IllegalArgumentException naming the bad argument (never showing key bytes)
   */
  public EpochPairKeys forEpoch(SecretBytes epochSecret, long epoch) {
    checkEpochSecret(epochSecret);
    return EpochPairKeys.extract(epochSecret, epoch);
  }

  private static void checkEpochSecret(SecretBytes epochSecret) {
    if (epochSecret == null) {
      throw new IllegalArgumentException("epochSecret must not be null");
    }
    if (epochSecret.isDestroyed()) {
      throw new IllegalArgumentException("epochSecret was already destroyed (closed)");
    }
    if (epochSecret.length() != EpochSecretGenerator.EPOCH_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "epochSecret must be "
              + EpochSecretGenerator.EPOCH_SECRET_BYTES
              + " bytes, was "
              + epochSecret.length());
    }
  }
}
