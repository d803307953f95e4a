package io.secureoverlay.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * Key material that zeroes itself on {@link #close()} and never shows its bytes in {@link
 * #toString()}, exceptions or logs. Display code uses {@link #fingerprint()} or, for epoch secrets
 * and pair keys, {@link KeyFingerprints}.
 *
 * <p>Not a record on purpose: a record's generated {@code toString}, {@code equals} and {@code
 * hashCode} would expose and compare the bytes. Equality here is identity; compare contents with
 * {@link #sameBytesAs(SecretBytes)}, which is constant-time.
 */
public final class SecretBytes implements AutoCloseable {

  private final byte[] bytes;
  private volatile boolean destroyed;

  /**
   * Cached: a pair key is compared by fingerprint by both the reconciler and the data plane. A
   * number, not its hex digits: the sandbox keeps one per SA, millions of them, and two objects
   * each (a String and its array) were a fifth of what a rotation left for the collector to copy.
   */
  private volatile long fingerprintBits;

  private volatile boolean fingerprinted;

  private SecretBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies {@code source}; the caller stays responsible for zeroing its own array. */
  public static SecretBytes copyOf(byte[] source) {
    return new SecretBytes(Objects.requireNonNull(source, "source").clone());
  }

  /** Takes ownership of {@code source} without copying; it is zeroed on {@link #close()}. */
  public static SecretBytes wrap(byte[] source) {
    return new SecretBytes(Objects.requireNonNull(source, "source"));
  }

  public int length() {
    return bytes.length;
  }

  /**
   * A copy of the bytes for an API that needs an array (netlink encoding, HKDF). The caller zeroes
   * the copy with {@link Arrays#fill(byte[], byte)} as soon as it is done.
   *
   * @throws IllegalStateException if this secret was already closed
   */
  public byte[] copy() {
    checkAlive();
    return bytes.clone();
  }

  /**
   * A 16-hex-digit fingerprint that is safe to display and log: HKDF-SHA256 over the bytes under a
   * label of its own, so it reveals nothing usable about the key and never equals a fingerprint of
   * another kind. Epoch secrets and pair keys have their own labels in {@link KeyFingerprints}; use
   * those where operators compare values across components.
   */
  public String fingerprint() {
    return KeyFingerprints.hex(fingerprintBits());
  }

  /**
   * {@link #fingerprint()} as the 64-bit number its hex digits spell, for code that keeps or
   * compares many fingerprints; {@link KeyFingerprints#hex(long)} turns it back into the digits.
   */
  public long fingerprintBits() {
    if (!fingerprinted) {
      fingerprintBits = KeyFingerprints.genericBits(this);
      fingerprinted = true;
    }
    checkAlive();
    return fingerprintBits;
  }

  /** Constant-time comparison, so equality checks never leak where two keys first differ. */
  public boolean sameBytesAs(SecretBytes other) {
    Objects.requireNonNull(other, "other");
    checkAlive();
    other.checkAlive();
    return MessageDigest.isEqual(bytes, other.bytes);
  }

  public boolean isDestroyed() {
    return destroyed;
  }

  /** Zeroes the bytes. Idempotent; every later read throws {@link IllegalStateException}. */
  @Override
  public void close() {
    Arrays.fill(bytes, (byte) 0);
    destroyed = true;
    fingerprinted = false;
    fingerprintBits = 0;
  }

  private void checkAlive() {
    if (destroyed) {
      throw new IllegalStateException("key material was already destroyed");
    }
  }

  /** Identity, on purpose: equality by content would need a timing-safe compare and a hash. */
  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  /** Identity hash, on purpose: a content hash would leak information about the key. */
  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return "SecretBytes["
        + bytes.length
        + " bytes, "
        + (destroyed ? "destroyed" : "redacted")
        + "]";
  }
}
