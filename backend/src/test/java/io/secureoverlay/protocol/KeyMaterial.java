package io.secureoverlay.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Test key material, and the check that text carries none of it in any spelling. */
final class KeyMaterial {

  /** Long enough that a match cannot be chance, short enough to catch a partial leak. */
  private static final int WINDOW = 8;

  private KeyMaterial() {}

  static byte[] bytes(int length, long seed) {
    byte[] out = new byte[length];
    new Random(seed).nextBytes(out);
    return out;
  }

  static KeyRing ring(Cipher cipher, IcvLength icv, long... epochs) {
    Map<Long, SecretBytes> secrets = new TreeMap<>();
    for (long epoch : epochs) {
      secrets.put(epoch, SecretBytes.wrap(bytes(KeyRing.SECRET_BYTES, epoch)));
    }
    return new KeyRing(cipher, icv, secrets);
  }

  /**
   * Fails if any 8-character piece of the base64 or hex of any of {@code keys} is in {@code text}.
   */
  static void assertFreeOfKeys(String text, List<byte[]> keys) {
    for (byte[] key : keys) {
      for (String spelling : spellings(key)) {
        for (int i = 0; i + WINDOW <= spelling.length(); i++) {
          String piece = spelling.substring(i, i + WINDOW);
          assertThat(text).as("text must not contain key material").doesNotContain(piece);
        }
      }
    }
  }

  private static List<String> spellings(byte[] key) {
    List<String> out = new ArrayList<>();
    String base64 = Base64.getEncoder().encodeToString(key);
    out.add(base64.replace("=", ""));
    out.add(Base64.getUrlEncoder().withoutPadding().encodeToString(key));
    out.add(HexFormat.of().formatHex(key));
    out.add(HexFormat.of().withUpperCase().formatHex(key));
    return out;
  }
}
