package io.secureoverlay.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The ESP AEAD ciphers SecureOverlay programs: rfc4106(gcm(aes)) with a 128- or 256-bit key. The
 * kernel's key blob for rfc4106 is the AES key followed by a 4-byte salt.
 */
public enum Cipher {
  AES_GCM_128("aes-gcm-128", 16),
  AES_GCM_256("aes-gcm-256", 32);

  /** The kernel's algorithm name for ESP with AES-GCM (RFC 4106). */
  public static final String KERNEL_ALGORITHM = "rfc4106(gcm(aes))";

  /** RFC 4106 salt appended to the AES key in the kernel's key blob. */
  public static final int SALT_BYTES = 4;

  private final String id;
  private final int keyBytes;

  Cipher(String id, int keyBytes) {
    this.id = id;
    this.keyBytes = keyBytes;
  }

  /** The spelling used in the CR spec, the keys Secret and the CLI. */
  public String id() {
    return id;
  }

  public int keyBytes() {
    return keyBytes;
  }

  public int keyBits() {
    return keyBytes * 8;
  }

  /** AES key plus salt: the length of the kernel's rfc4106 key blob. */
  public int keyWithSaltBytes() {
    return keyBytes + SALT_BYTES;
  }

  public static Cipher fromId(String id) {
    for (Cipher c : values()) {
      if (c.id.equals(id)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown cipher '"
            + id
            + "': expected one of "
            + Arrays.stream(values()).map(Cipher::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id;
  }
}
