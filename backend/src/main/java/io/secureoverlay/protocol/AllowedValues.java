package io.secureoverlay.protocol;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The accepted spellings, for error messages that must not drift from the enums. */
final class AllowedValues {

  private AllowedValues() {}

  /** e.g. {@code aes-gcm-128, aes-gcm-256} */
  static String ciphers() {
    return Arrays.stream(Cipher.values()).map(Cipher::id).collect(Collectors.joining(", "));
  }

  /** e.g. {@code 64, 96, 128} */
  static String icvBits() {
    return Arrays.stream(IcvLength.values())
        .map(i -> Integer.toString(i.bits()))
        .collect(Collectors.joining(", "));
  }
}
