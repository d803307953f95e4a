package io.secureoverlay.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * HKDF-SHA256 (RFC 5869) on BouncyCastle's HMAC-SHA256: the one code path for pair keys and
 * fingerprints, checked against the RFC's test vectors. Extract and expand are separate so a caller
 * that derives many keys from one input keying material (the pair keys of an epoch) extracts once.
 *
 * <p>Every array this class creates is zeroed. BouncyCastle's HMAC keeps the key's pads in its own
 * arrays: {@link Expander#close()} overwrites those of a long-lived PRK; those of a one-shot {@link
 * #derive} (a fingerprint) become garbage when it returns, as with BouncyCastle's own HKDF.
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
    byte[] prk = extract(ikm, salt);
    try {
      return expand(keyed(prk), info, length);
    } finally {
      Arrays.fill(prk, (byte) 0);
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
    if (ikm == null) {
      throw new IllegalArgumentException("HKDF input keying material must not be null");
    }
    // HMAC pads a short key with zeros, so "no salt" (HashLen zeros) and an empty salt agree.
    HMac hmac = keyed(salt == null || salt.length == 0 ? new byte[HASH_BYTES] : salt);
    hmac.update(ikm, 0, ikm.length);
    byte[] prk = new byte[HASH_BYTES];
    hmac.doFinal(prk, 0);
    return prk;
  }

  /**
   * HKDF-Expand with an HMAC already keyed with the PRK: T(1) | T(2) | ... truncated to {@code
   * length}, with T(i) = HMAC(PRK, T(i-1) | info | i). Leaves the HMAC keyed, ready for the next.
   *
   * @return a new array of {@code length} bytes the caller owns and must zero or wrap
   */
  private static byte[] expand(HMac hmac, byte[] info, int length) {
    checkInfoAndLength(info, length);
    byte[] out = new byte[length];
    byte[] block = new byte[HASH_BYTES];
    try {
      int done = 0;
      for (int i = 1; done < length; i++) {
        if (i > 1) {
          hmac.update(block, 0, HASH_BYTES);
        }
        hmac.update(info, 0, info.length);
        hmac.update((byte) i);
        hmac.doFinal(block, 0);
        int n = Math.min(HASH_BYTES, length - done);
        System.arraycopy(block, 0, out, done, n);
        done += n;
      }
      return out;
    } catch (RuntimeException e) {
      Arrays.fill(out, (byte) 0);
      hmac.reset();
      // BouncyCastle's messages come from its length checks; they carry no key bytes.
      throw new IllegalStateException("HKDF-SHA256 failed: " + e.getClass().getSimpleName(), e);
    } finally {
      Arrays.fill(block, (byte) 0);
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

  /** An HMAC keyed with {@code key}; the caller zeroes its array. */
  private static HMac keyed(byte[] key) {
    HMac hmac = new HMac(new SHA256Digest());
    KeyParameter parameter = new KeyParameter(key);
    hmac.init(parameter);
    // KeyParameter keeps its own copy and hands out that array, so it can be zeroed here.
    Arrays.fill(parameter.getKey(), (byte) 0);
    return hmac;
  }

  /** Overwrites the pads an HMAC derived from its key by keying it with zeros. */
  private static void wipe(HMac hmac) {
    hmac.init(new KeyParameter(new byte[HASH_BYTES]));
  }

  /**
   * HKDF-Expand under one PRK. The HMAC is keyed once, so each expansion of up to {@value
   * #HASH_BYTES} bytes costs one HMAC over {@code info}, not a re-keying. Thread-safe.
   */
  static final class Expander implements AutoCloseable {

    private final HMac hmac;
    private boolean closed;

    /** Keys the HMAC with a copy of {@code prk}; the caller keeps and zeroes its own array. */
    Expander(byte[] prk) {
      if (prk == null || prk.length != HASH_BYTES) {
        throw new IllegalArgumentException("HKDF PRK must be " + HASH_BYTES + " bytes");
      }
      this.hmac = keyed(prk);
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

    /** Overwrites the HMAC's key pads. Idempotent. */
    @Override
    public synchronized void close() {
      if (!closed) {
        wipe(hmac);
        closed = true;
      }
    }
  }
}
