package io.secureoverlay.agent.netlink;

/** Hex rendering for diagnostics, in groups of four bytes; callers decide what may be shown. */
public final class HexDump {

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private HexDump() {}

  public static void append(StringBuilder out, byte[] data, int offset, int length) {
    for (int i = 0; i < length; i++) {
      if (i > 0 && i % 4 == 0) {
        out.append(' ');
      }
      int b = data[offset + i] & 0xff;
      out.append(DIGITS[b >> 4]).append(DIGITS[b & 0xf]);
    }
  }

  public static String of(byte[] data, int offset, int length) {
    StringBuilder out = new StringBuilder(length * 9 / 4 + 4);
    append(out, data, offset, length);
    return out.toString();
  }

  public static String of(byte[] data) {
    return of(data, 0, data.length);
  }
}
