package io.secureoverlay.protocol;

import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The live epoch secrets with the cipher and ICV length they are used with: the content of the keys
 * Secret. Owns its {@link SecretBytes} and zeroes them all on {@link #close()}.
 *
 * <p>Not a record: a record's {@code toString}, {@code equals} and accessors would expose the
 * secrets map. {@link #toString()} shows epochs and fingerprints only.
 */
public final class KeyRing implements AutoCloseable {

  /** Every epoch secret S_k is 32 random bytes, whatever the cipher: it only feeds HKDF. */
  public static final int SECRET_BYTES = 32;

  private final Cipher cipher;
  private final IcvLength icv;
  private final SortedMap<Long, SecretBytes> secrets;

  /**
   * Takes ownership of the secrets: they are closed with this ring, or at once if the arguments are
   * refused.
   *
   * @throws IllegalArgumentException if an epoch is negative or a secret is not {@value
   *     #SECRET_BYTES} bytes long
   */
  public KeyRing(Cipher cipher, IcvLength icv, Map<Long, SecretBytes> secrets) {
    this.secrets = Collections.unmodifiableSortedMap(new TreeMap<>(secrets));
    String problem = problemWith(cipher, icv, this.secrets);
    if (problem != null) {
      close();
      throw new IllegalArgumentException(problem);
    }
    this.cipher = cipher;
    this.icv = icv;
  }

  private static String problemWith(
      Cipher cipher, IcvLength icv, SortedMap<Long, SecretBytes> secrets) {
    if (cipher == null || icv == null) {
      return "cipher and ICV length are required";
    }
    for (Map.Entry<Long, SecretBytes> e : secrets.entrySet()) {
      if (e.getKey() < 0) {
        return "epoch " + e.getKey() + " is negative";
      }
      if (e.getValue().length() != SECRET_BYTES) {
        return "epoch "
            + e.getKey()
            + " secret is "
            + e.getValue().length()
            + " bytes, expected "
            + SECRET_BYTES;
      }
    }
    return null;
  }

  public Cipher cipher() {
    return cipher;
  }

  public IcvLength icv() {
    return icv;
  }

  /** The live epochs, oldest first. */
  public List<Long> epochs() {
    return List.copyOf(secrets.keySet());
  }

  public boolean isEmpty() {
    return secrets.isEmpty();
  }

  public Optional<Long> newestEpoch() {
    return secrets.isEmpty() ? Optional.empty() : Optional.of(secrets.lastKey());
  }

  /**
   * The secret of {@code epoch}, still owned by this ring: do not close it, and do not use it after
   * the ring is closed.
   */
  public SecretBytes secret(long epoch) {
    SecretBytes secret = secrets.get(epoch);
    if (secret == null) {
      throw new NoSuchElementException(
          "no secret for epoch " + epoch + ": live epochs " + epochs());
    }
    return secret;
  }

  @Override
  public void close() {
    secrets.values().forEach(SecretBytes::close);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("KeyRing[cipher=").append(cipher);
    out.append(", icv=").append(icv.bits()).append(", epochs={");
    String separator = "";
    for (Map.Entry<Long, SecretBytes> e : secrets.entrySet()) {
      out.append(separator).append(e.getKey()).append('=');
      out.append(e.getValue().isDestroyed() ? "destroyed" : e.getValue().fingerprint());
      separator = ", ";
    }
    return out.append("}]").toString();
  }
}
