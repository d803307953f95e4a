package io.secureoverlay.protocol;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The layout of Secret {@value #SECRET_NAME} in namespace {@value #NAMESPACE}. Every {@code data}
 * value is base64, as Kubernetes stores Secrets:
 *
 * <pre>
 *   cipher    aes-gcm-128 | aes-gcm-256
 *   icvBits   64 | 96 | 128
 *   epochs    41,42         live epoch numbers, comma-separated, no spaces ("" when none)
 *   epoch-41  32 bytes      the epoch secret S_41
 *   epoch-42  32 bytes      the epoch secret S_42
 * </pre>
 *
 * <p>Decoding is strict: any unexpected key, an epoch listed without its secret or a secret not
 * listed, two keys for one epoch, a malformed number or a secret of the wrong length is a {@link
 * KeysSecretFormatException} naming the field. Messages show a non-secret value only when it is
 * short and plainly not key material; secret values are never shown in any form.
 */
public final class KeysSecretCodec {

  public static final String SECRET_NAME = "secureoverlay-keys";
  public static final String NAMESPACE = "secureoverlay-system";

  public static final String CIPHER = "cipher";
  public static final String ICV_BITS = "icvBits";
  public static final String EPOCHS = "epochs";
  public static final String EPOCH_PREFIX = "epoch-";

  private static final Pattern EPOCH_NUMBER = Pattern.compile("0|[1-9][0-9]{0,17}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

  /** Values echoed in messages: short and in an alphabet too small to pass for a key. */
  private static final Pattern SHOWABLE = Pattern.compile("[A-Za-z0-9.-]{1,16}");

  public Secret encode(KeyRing ring) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(CIPHER, base64(ring.cipher().id()));
    data.put(ICV_BITS, base64(Integer.toString(ring.icv().bits())));
    data.put(
        EPOCHS,
        base64(ring.epochs().stream().map(String::valueOf).collect(Collectors.joining(","))));
    for (long epoch : ring.epochs()) {
      byte[] raw = ring.secret(epoch).copy();
      try {
        data.put(EPOCH_PREFIX + epoch, Base64.getEncoder().encodeToString(raw));
      } finally {
        Arrays.fill(raw, (byte) 0);
      }
    }
    return new SecretBuilder()
        .withNewMetadata()
        .withName(SECRET_NAME)
        .withNamespace(NAMESPACE)
        .addToLabels("app.kubernetes.io/name", "secureoverlay")
        .addToLabels("app.kubernetes.io/component", "keys")
        .endMetadata()
        .withType("Opaque")
        .withData(data)
        .build();
  }

  public KeyRing decode(Secret secret) {
    if (secret == null) {
      throw new KeysSecretFormatException("secret", "missing");
    }
    Map<String, String> data = secret.getData();
    if (data == null || data.isEmpty()) {
      throw new KeysSecretFormatException(
          "data", "missing: expected cipher, icvBits, epochs and one epoch-<n> per listed epoch");
    }
    Cipher cipher = parseCipher(text(data, CIPHER));
    IcvLength icv = parseIcv(text(data, ICV_BITS));
    Set<Long> listed = parseEpochList(text(data, EPOCHS));
    Map<Long, String> stored = epochKeys(data);
    for (long epoch : listed) {
      if (!stored.containsKey(epoch)) {
        throw new KeysSecretFormatException(
            field(EPOCH_PREFIX + epoch), "missing, but data.epochs lists epoch " + epoch);
      }
    }
    for (Map.Entry<Long, String> e : stored.entrySet()) {
      if (!listed.contains(e.getKey())) {
        throw new KeysSecretFormatException(
            field(e.getValue()), "present, but data.epochs does not list epoch " + e.getKey());
      }
    }
    return new KeyRing(cipher, icv, secrets(data, stored));
  }

  private static Map<Long, SecretBytes> secrets(Map<String, String> data, Map<Long, String> keys) {
    Map<Long, SecretBytes> secrets = new TreeMap<>();
    try {
      for (Map.Entry<Long, String> e : keys.entrySet()) {
        secrets.put(e.getKey(), secret(e.getValue(), data.get(e.getValue())));
      }
      return secrets;
    } catch (RuntimeException e) {
      secrets.values().forEach(SecretBytes::close);
      throw e;
    }
  }

  private static SecretBytes secret(String key, String value) {
    byte[] raw = bytes(key, value);
    if (raw.length != KeyRing.SECRET_BYTES) {
      int length = raw.length;
      Arrays.fill(raw, (byte) 0);
      throw new KeysSecretFormatException(
          field(key), length + " bytes, expected " + KeyRing.SECRET_BYTES);
    }
    return SecretBytes.wrap(raw);
  }

  /** Epoch number to its data key, checking every key that is not one of the fixed three. */
  private static Map<Long, String> epochKeys(Map<String, String> data) {
    Map<Long, List<String>> byEpoch = new TreeMap<>();
    for (String key : new TreeSet<>(data.keySet())) {
      if (key.equals(CIPHER) || key.equals(ICV_BITS) || key.equals(EPOCHS)) {
        continue;
      }
      if (!key.startsWith(EPOCH_PREFIX)) {
        throw new KeysSecretFormatException(
            field(key), "unexpected key: expected cipher, icvBits, epochs or epoch-<n>");
      }
      String number = key.substring(EPOCH_PREFIX.length());
      if (!DIGITS.matcher(number).matches()) {
        throw new KeysSecretFormatException(field(key), "'" + number + "' is not an epoch number");
      }
      byEpoch.computeIfAbsent(Long.parseLong(number), n -> new ArrayList<>()).add(key);
    }
    Map<Long, String> keys = new TreeMap<>();
    for (Map.Entry<Long, List<String>> e : byEpoch.entrySet()) {
      String canonical = EPOCH_PREFIX + e.getKey();
      List<String> names = e.getValue();
      if (names.size() > 1) {
        throw new KeysSecretFormatException(
            field(names.get(0)),
            "duplicate epoch "
                + e.getKey()
                + ": "
                + names.stream().map(KeysSecretCodec::field).collect(Collectors.joining(" and "))
                + " both hold it");
      }
      if (!names.get(0).equals(canonical)) {
        throw new KeysSecretFormatException(
            field(names.get(0)), "write the epoch number without leading zeros: " + canonical);
      }
      keys.put(e.getKey(), canonical);
    }
    return keys;
  }

  private static Set<Long> parseEpochList(String text) {
    Set<Long> epochs = new LinkedHashSet<>();
    if (text.isEmpty()) {
      return epochs;
    }
    String[] items = text.split(",", -1);
    for (int i = 0; i < items.length; i++) {
      if (!EPOCH_NUMBER.matcher(items[i]).matches()) {
        throw new KeysSecretFormatException(
            field(EPOCHS),
            "item "
                + (i + 1)
                + " "
                + shown(items[i])
                + " is not an epoch number: expected decimal without sign, spaces or leading"
                + " zeros, e.g. 41,42");
      }
      long epoch = Long.parseLong(items[i]);
      if (!epochs.add(epoch)) {
        throw new KeysSecretFormatException(field(EPOCHS), "epoch " + epoch + " is listed twice");
      }
    }
    return epochs;
  }

  private static Cipher parseCipher(String text) {
    try {
      return Cipher.fromId(text);
    } catch (IllegalArgumentException e) {
      throw new KeysSecretFormatException(
          field(CIPHER), "unknown cipher " + shown(text) + ": expected " + AllowedValues.ciphers());
    }
  }

  /** Strict: the canonical decimal only, so "064" or "+64" are refused rather than guessed. */
  private static IcvLength parseIcv(String text) {
    for (IcvLength icv : IcvLength.values()) {
      if (Integer.toString(icv.bits()).equals(text)) {
        return icv;
      }
    }
    throw new KeysSecretFormatException(
        field(ICV_BITS),
        shown(text) + " is not an allowed ICV length: expected " + AllowedValues.icvBits());
  }

  /** A non-secret value, base64-decoded as UTF-8. */
  private static String text(Map<String, String> data, String key) {
    byte[] raw = bytes(key, data.get(key));
    return new String(raw, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String key, String base64) {
    if (base64 == null) {
      throw new KeysSecretFormatException(field(key), "missing");
    }
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes the offending character: not repeated here, nor chained.
      throw new KeysSecretFormatException(field(key), "not valid base64");
    }
  }

  private static String shown(String value) {
    return SHOWABLE.matcher(value).matches()
        ? "'" + value + "'"
        : "(" + value.length() + " characters, not shown)";
  }

  private static String field(String key) {
    return "data." + key;
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
