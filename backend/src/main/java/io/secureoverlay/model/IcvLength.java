package io.secureoverlay.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The integrity check value lengths RFC 4106 allows for AES-GCM in ESP. */
public enum IcvLength {
  ICV_64(64),
  ICV_96(96),
  ICV_128(128);

  private final int bits;

  IcvLength(int bits) {
    this.bits = bits;
  }

  public int bits() {
    return bits;
  }

  public int bytes() {
    return bits / 8;
  }

  public static IcvLength fromBits(int bits) {
    for (IcvLength icv : values()) {
      if (icv.bits == bits) {
        return icv;
      }
    }
    throw new IllegalArgumentException(
        "ICV of "
            + bits
            + " bits is not allowed: expected one of "
            + Arrays.stream(values())
                .map(i -> Integer.toString(i.bits))
                .collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return bits + " bits";
  }
}
