package io.secureoverlay.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * HKDF-SHA256 (RFC 5869) through BouncyCastle: the one code path for pair keys and fingerprints,
 * checked against the RFC's test vectors.
 *
 * <p>A fresh generator per call keeps this thread-safe and lets BouncyCastle's internal copies
 * (parameter clones, HMAC pads) become garbage as soon as the call returns; those copies are
 * BouncyCastle's and cannot be zeroed from here. Every array this class creates is zeroed.
 */
final class HkdfSha256 {

  /** RFC 5869: at most 255 blocks of the hash length. */
  static final int MAX_OUTPUT_BYTES = 255 * 32;

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
    if (ikm == null) {
      throw new IllegalArgumentException("HKDF input keying material must not be null");
    }
    if (info == null) {
      throw new IllegalArgumentException("HKDF info must not be null");
    }
    if (length < 1 || length > MAX_OUTPUT_BYTES) {
      throw new IllegalArgumentException(
          "HKDF output length must be in 1.." + MAX_OUTPUT_BYTES + ", was " + length);
    }
    HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
    generator.init(new HKDFParameters(ikm, salt, info));
    byte[] out = new byte[length];
    try {
      generator.generateBytes(out, 0, length);
      return out;
    } catch (RuntimeException e) {
      Arrays.fill(out, (byte) 0);
      // The cause's message comes from BouncyCastle's length checks; it carries no key bytes.
      throw new IllegalStateException("HKDF-SHA256 failed: " + e.getClass().getSimpleName(), e);
    }
  }
}
