package io.secureoverlay.agent.xfrm;

import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.util.Objects;

/**
 * The AEAD of an SA: rfc4106(gcm(aes)) with its key blob (AES key followed by the 4-byte salt) and
 * ICV length. The key stays inside {@link SecretBytes}; {@link #toString()} shows only sizes. The
 * owner of the {@link SecretBytes} closes it; this record never does.
 */
public record XfrmAead(SecretBytes key, IcvLength icv) {

  public static final String ALGORITHM = Cipher.KERNEL_ALGORITHM;

  public XfrmAead {
    Objects.requireNonNull(key, "aead key");
    Objects.requireNonNull(icv, "aead icv");
    if (key.isDestroyed()) {
      throw new IllegalArgumentException("aead key was already zeroed");
    }
    int length = key.length();
    if (length != 16 + Cipher.SALT_BYTES
        && length != 24 + Cipher.SALT_BYTES
        && length != 32 + Cipher.SALT_BYTES) {
      throw new IllegalArgumentException(
          "rfc4106 key blob must be a 16-, 24- or 32-byte AES key plus a 4-byte salt, got "
              + length
              + " bytes");
    }
  }

  /** Checks that the blob fits {@code cipher} (aes-gcm-128 or aes-gcm-256). */
  public static XfrmAead of(Cipher cipher, SecretBytes keyWithSalt, IcvLength icv) {
    if (keyWithSalt.length() != cipher.keyWithSaltBytes()) {
      throw new IllegalArgumentException(
          cipher.id()
              + " needs a "
              + cipher.keyWithSaltBytes()
              + "-byte key blob, got "
              + keyWithSalt.length());
    }
    return new XfrmAead(keyWithSalt, icv);
  }

  /** Key length in bits as the kernel counts it (AES key plus salt). */
  public int keyBits() {
    return key.length() * 8;
  }

  @Override
  public String toString() {
    return "XfrmAead["
        + ALGORITHM
        + ", key "
        + keyBits()
        + " bits redacted, icv "
        + icv.bits()
        + " bits]";
  }
}
