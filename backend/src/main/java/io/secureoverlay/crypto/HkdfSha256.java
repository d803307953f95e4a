package io.secureoverlay.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * HKDF-SHA256 (RFC 5869) on {@link HmacSha256}: the one code path for pair keys and fingerprints,
 * checked against the RFC's test vectors and against BouncyCastle's HKDF. Extract and expand are
 * separate so a caller that derives many keys from one input keying material (the pair keys of an
 * epoch) extracts once.
 *
 * <p>Every array this class creates is zeroed, and every keyed HMAC state is reset when done with:
 * at once for a one-shot {@link #derive} (a fingerprint), by {@link Expander#close()} for a
 * long-lived PRK.
 */
final class HkdfSha256 {

  /** SHA-256 output length, which is also the PRK length. */
  static final int HASH_BYTES = 32;

  /** RFC 5869: at most 255 blocks of the hash length. */
  static final int MAX_OUTPUT_BYTES = 255 * HASH_BYTES;

  private HkdfSha256() {}

  /**
   * Extract-then-expand.
   *
   * @param ikm input keying material, not modified
   * @param salt optional salt ({@code null} or empty means a hash-length string of zeros)
   * @param info context binding, not secret
   * @param length output length in bytes, 1..{@value #MAX_OUTPUT_BYTES}
   * @return a new array of {@code length} bytes the caller owns and must zero or wrap
   */
  static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
    checkInfoAndLength(info, length);
    if ((salt == null || salt.length == 0) && length <= HASH_BYTES) {
      return deriveOneBlockWithoutSalt(ikm, info, length);
    }
    byte[] prk = extract(ikm, salt);
    try (HmacSha256 hmac = new HmacSha256(prk)) {
      return expand(hmac, info, length);
    } finally {
      Arrays.fill(prk, (byte) 0);
    }
  }

  /**
   * Every fingerprint: no salt, one output block. The extract's outer digest is reused for the
   * expand, whose PRK is keyed once and used once: two digest clones instead of six (about 800
   * bytes less for the collector per fingerprint, and an agent makes one per new SA).
   */
  private static byte[] deriveOneBlockWithoutSalt(byte[] ikm, byte[] info, int length) {
    requireIkm(ikm);
    byte[] prk = new byte[HASH_BYTES];
    byte[] block = new byte[HASH_BYTES];
    try {
      MessageDigest spare = HmacSha256.NO_KEY.macAndReuse(prk, 0, ikm);
      // T(1) = HMAC(PRK, info | 0x01): the counter byte of the first block.
      HmacSha256.macWithKey(spare, prk, block, 0, info, new byte[] {1});
      return Arrays.copyOf(block, length);
    } finally {
      Arrays.fill(prk, (byte) 0);
      Arrays.fill(block, (byte) 0);
    }
  }

  /**
   * HKDF-Extract: PRK = HMAC-SHA256(salt, ikm).
   *
   * @param ikm input keying material, not modified
   * @param salt optional salt ({@code null} or empty means a hash-length string of zeros)
   * @return the {@value #HASH_BYTES}-byte PRK, a new array the caller owns and must zero or wrap
   */
  static byte[] extract(byte[] ikm, byte[] salt) {
    requireIkm(ikm);
    byte[] prk = new byte[HASH_BYTES];
    if (salt == null || salt.length == 0) {
      // HMAC pads a short key with zeros, so "no salt" (HashLen zeros) and an empty salt agree,
      // and both are the public key of HmacSha256.NO_KEY, whose keyed states are shared.
      HmacSha256.NO_KEY.mac(prk, 0, ikm);
      return prk;
    }
    try (HmacSha256 hmac = new HmacSha256(salt)) {
      hmac.mac(prk, 0, ikm);
      return prk;
    }
  }

  /**
   * HKDF-Expand with an HMAC already keyed with the PRK: T(1) | T(2) | ... truncated to {@code
   * length}, with T(i) = HMAC(PRK, T(i-1) | info | i). Leaves the HMAC keyed, ready for the next.
   *
   * @return a new array of {@code length} bytes the caller owns and must zero or wrap
   */
  private static byte[] expand(HmacSha256 hmac, byte[] info, int length) {
    checkInfoAndLength(info, length);
    byte[] out = new byte[length];
    byte[] block = new byte[HASH_BYTES];
    byte[] counter = new byte[1];
    try {
      int done = 0;
      for (int i = 1; done < length; i++) {
        counter[0] = (byte) i;
        if (i == 1) {
          hmac.mac(block, 0, info, counter);
        } else {
          hmac.mac(block, 0, block, info, counter);
        }
        int n = Math.min(HASH_BYTES, length - done);
        System.arraycopy(block, 0, out, done, n);
        done += n;
      }
      return out;
    } finally {
      Arrays.fill(block, (byte) 0);
    }
  }

  private static void requireIkm(byte[] ikm) {
    if (ikm == null) {
      throw new IllegalArgumentException("HKDF input keying material must not be null");
    }
  }

  private static void checkInfoAndLength(byte[] info, int length) {
    if (info == null) {
      throw new IllegalArgumentException("HKDF info must not be null");
    }
    if (length < 1 || length > MAX_OUTPUT_BYTES) {
      throw new IllegalArgumentException(
          "HKDF output length must be in 1.." + MAX_OUTPUT_BYTES + ", was " + length);
    }
  }

  /**
   * HKDF-Expand under one PRK. The HMAC is keyed once, so each expansion of up to {@value
   * #HASH_BYTES} bytes costs one HMAC over {@code info}, not a re-keying. Thread-safe.
   */
  static final class Expander implements AutoCloseable {

    private final HmacSha256 hmac;
    private boolean closed;

    /** Keys the HMAC with a copy of {@code prk}; the caller keeps and zeroes its own array. */
    Expander(byte[] prk) {
      if (prk == null || prk.length != HASH_BYTES) {
        throw new IllegalArgumentException("HKDF PRK must be " + HASH_BYTES + " bytes");
      }
      this.hmac = new HmacSha256(prk);
    }

    /**
     * T(1) | T(2) | ... truncated to {@code length}, with T(i) = HMAC(PRK, T(i-1) | info | i).
     *
     * @return a new array of {@code length} bytes the caller owns and must zero or wrap
     */
    synchronized byte[] expand(byte[] info, int length) {
      if (closed) {
        throw new IllegalStateException("HKDF expander was already closed");
      }
      return HkdfSha256.expand(hmac, info, length);
    }

    /** Resets the HMAC's keyed states. Idempotent. */
    @Override
    public synchronized void close() {
      if (!closed) {
        hmac.close();
        closed = true;
      }
    }
  }
}
