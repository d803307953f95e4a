package io.secureoverlay.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Key material that zeroes itself on {@link #close()} and never shows its bytes in {@link
 * #toString()}, exceptions or logs. Display code uses {@link #fingerprint()}.
 *
 * <p>Not a record on purpose: a record's generated {@code toString} and {@code equals} would expose
 * and compare the bytes.
 */
public final class SecretBytes implements AutoCloseable {

  private final byte[] bytes;
  private volatile boolean destroyed;

  private SecretBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies {@code source}; the caller stays responsible for zeroing its own array. */
  public static SecretBytes copyOf(byte[] source) {
    return new SecretBytes(source.clone());
  }

  /** Takes ownership of {@code source} without copying; it is zeroed on {@link #close()}. */
  public static SecretBytes wrap(byte[] source) {
    return new SecretBytes(source);
  }

  public int length() {
    return bytes.length;
  }

  /**
   * A copy of the bytes for an API that needs an array (netlink encoding, HKDF). The caller zeroes
   * the copy with {@link Arrays#fill(byte[], byte)} as soon as it is done.
   */
  public byte[] copy() {
    checkAlive();
    return bytes.clone();
  }

  /** First 8 bytes of SHA-256 over the key, as 16 hex digits: safe to display and log. */
  public String fingerprint() {
    checkAlive();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      String hex = HexFormat.of().formatHex(digest, 0, 8);
      Arrays.fill(digest, (byte) 0);
      return hex;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** Constant-time comparison, so equality checks never leak where two keys first differ. */
  public boolean sameBytesAs(SecretBytes other) {
    checkAlive();
    other.checkAlive();
    return MessageDigest.isEqual(bytes, other.bytes);
  }

  public boolean isDestroyed() {
    return destroyed;
  }

  @Override
  public void close() {
    Arrays.fill(bytes, (byte) 0);
    destroyed = true;
  }

  private void checkAlive() {
    if (destroyed) {
      throw new IllegalStateException("key material was already destroyed");
    }
  }

  @Override
  public String toString() {
    return "SecretBytes[" + bytes.length + " bytes, redacted]";
  }
}
