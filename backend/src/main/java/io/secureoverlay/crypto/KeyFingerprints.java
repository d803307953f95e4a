package io.secureoverlay.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Short fingerprints of key material that are safe to display, log and export: 16 hex digits (64
 * bits) of HKDF-SHA256 over the key with an info label per kind of key.
 *
 * <p>The label makes each fingerprint a different pseudo-random function of the key: a fingerprint
 * reveals nothing usable about the key, an epoch secret's fingerprint is never one of the inputs
 * that derive its pair keys (those use the {@code secureoverlay/esp/v1} label), and the same bytes
 * fingerprinted as an epoch secret and as a pair key give unrelated values. 64 bits is enough to
 * tell keys apart on a console; it is not an identifier to look keys up by.
 */
public final class KeyFingerprints {

  /** Hex digits in every fingerprint. */
  public static final int HEX_DIGITS = 16;

  static final String EPOCH_SECRET_LABEL = "secureoverlay/fingerprint/v1/epoch-secret";
  static final String PAIR_KEY_LABEL = "secureoverlay/fingerprint/v1/pair-key";
  static final String GENERIC_LABEL = "secureoverlay/fingerprint/v1/secret";

  /** The labels' bytes, encoded once; never handed out, so never changed. */
  private static final byte[] EPOCH_SECRET_INFO = ascii(EPOCH_SECRET_LABEL);

  private static final byte[] PAIR_KEY_INFO = ascii(PAIR_KEY_LABEL);
  private static final byte[] GENERIC_INFO = ascii(GENERIC_LABEL);

  private KeyFingerprints() {}

  private static byte[] ascii(String label) {
    return label.getBytes(StandardCharsets.US_ASCII);
  }

  /** Fingerprint of an epoch secret S_k, as the master, agents and console show it. */
  public static String ofEpochSecret(SecretBytes epochSecret) {
    return fingerprint(epochSecret, EPOCH_SECRET_INFO, "epochSecret");
  }

  /** Fingerprint of one directional pair key (key plus salt, as derived). */
  public static String ofPairKey(SecretBytes pairKey) {
    return fingerprint(pairKey, PAIR_KEY_INFO, "pairKey");
  }

  /**
   * Fingerprint of key material of no particular kind, as the 64-bit number its hex digits spell;
   * backs {@link SecretBytes#fingerprintBits()} and {@link SecretBytes#fingerprint()}.
   */
  static long genericBits(SecretBytes secret) {
    return fingerprintBits(secret, GENERIC_INFO, "secret");
  }

  /** The 16 hex digits of a fingerprint held as a number. */
  public static String hex(long fingerprintBits) {
    return HexFormat.of().toHexDigits(fingerprintBits);
  }

  /**
   * The number a fingerprint's 16 hex digits spell.
   *
   * @throws IllegalArgumentException if {@code fingerprint} is not 16 hex digits
   */
  public static long bits(String fingerprint) {
    if (fingerprint.length() != HEX_DIGITS) {
      throw new IllegalArgumentException("a key fingerprint is " + HEX_DIGITS + " hex digits");
    }
    // Throws NumberFormatException, an IllegalArgumentException, on any other character.
    return HexFormat.fromHexDigitsToLong(fingerprint);
  }

  private static String fingerprint(SecretBytes secret, byte[] info, String field) {
    return hex(fingerprintBits(secret, info, field));
  }

  private static long fingerprintBits(SecretBytes secret, byte[] info, String field) {
    Objects.requireNonNull(secret, field);
    if (secret.isDestroyed()) {
      throw new IllegalStateException(field + " was already destroyed; nothing to fingerprint");
    }
    byte[] key = secret.copy();
    byte[] digest = HkdfSha256.derive(key, null, info, HEX_DIGITS / 2);
    try {
      // Big-endian (ByteBuffer's order), so the number's hex digits are the digest's bytes in
      // order.
      return ByteBuffer.wrap(digest).getLong();
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(digest, (byte) 0);
    }
  }
}
