package io.secureoverlay.crypto;

import java.nio.charset.StandardCharsets;
import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates random epoch secrets S_k: {@value #EPOCH_SECRET_BYTES} bytes from a {@link SecureRandom}.
 * The default source is the JDK's NIST SP 800-90A DRBG instantiated at 256-bit strength with
 * prediction resistance, falling back to the platform's default {@code SecureRandom} only where no
 * DRBG is available. Thread-safe: {@code SecureRandom} is.
 */
public final class EpochSecretGenerator {

  /** Length of every epoch secret: 256 bits, enough for AES-256 pair keys. */
  public static final int EPOCH_SECRET_BYTES = 32;

  private static final Logger LOG = LoggerFactory.getLogger(EpochSecretGenerator.class);
  private static final byte[] PERSONALIZATION =
      "secureoverlay/epoch-secret/v1".getBytes(StandardCharsets.US_ASCII);

  private final SecureRandom random;

  /** The default strong source: a 256-bit DRBG, or the platform default where there is none. */
  public EpochSecretGenerator() {
    this(defaultRandom());
  }

  /** A caller-chosen source, e.g. a hardware-backed provider or a seeded one in tests. */
  public EpochSecretGenerator(SecureRandom random) {
    if (random == null) {
      throw new IllegalArgumentException("random must not be null");
    }
    this.random = random;
  }

  /** A fresh 32-byte secret; the caller owns it and closes it when the epoch is gone. */
  public SecretBytes newEpochSecret() {
    byte[] secret = new byte[EPOCH_SECRET_BYTES];
    random.nextBytes(secret);
    return SecretBytes.wrap(secret);
  }

  /** The algorithm of the source in use, for a startup log line or the console. */
  public String algorithm() {
    return random.getAlgorithm();
  }

  private static SecureRandom defaultRandom() {
    try {
      SecureRandom drbg =
          SecureRandom.getInstance(
              "DRBG",
              DrbgParameters.instantiation(
                  256, DrbgParameters.Capability.PR_AND_RESEED, PERSONALIZATION));
      LOG.debug("event=epoch_random_source algorithm=DRBG strength=256");
      return drbg;
    } catch (NoSuchAlgorithmException | IllegalArgumentException e) {
      SecureRandom fallback = new SecureRandom();
      LOG.warn(
          "event=epoch_random_source algorithm={} reason=drbg_unavailable cause={}",
          fallback.getAlgorithm(),
          e.getClass().getSimpleName());
      return fallback;
    }
  }
}
