package io.secureoverlay.crypto;

import io.secureoverlay.model.Cipher;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What one directional pair key is bound to, and its unambiguous encoding as the HKDF {@code info}.
 * Not secret: {@code toString} shows only the epoch, the addresses and the cipher.
 *
 * <p>Encoding (every field fixed-width or length-prefixed, so no two contexts share an encoding):
 *
 * <pre>
 *   u8 len | "secureoverlay/esp/v1"          context label and version
 *   u64 epoch, big-endian
 *   u8 len | cipher id (ASCII)               e.g. "aes-gcm-256"
 *   u8 family (4 or 6) | source address      4 or 16 bytes, network order
 *   u8 family (4 or 6) | destination address 4 or 16 bytes, network order
 * </pre>
 */
record PairKeyContext(long epoch, InetAddress source, InetAddress destination, Cipher cipher) {

  static final String LABEL = "secureoverlay/esp/v1";

  PairKeyContext {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must be >= 0, was " + epoch);
    }
    if (source == null) {
      throw new IllegalArgumentException("source address must not be null");
    }
    if (destination == null) {
      throw new IllegalArgumentException("destination address must not be null");
    }
    if (cipher == null) {
      throw new IllegalArgumentException("cipher must not be null");
    }
    if (family(source) != family(destination)) {
      throw new IllegalArgumentException(
          "source "
              + source.getHostAddress()
              + " and destination "
              + destination.getHostAddress()
              + " must be the same address family: an ESP SA cannot mix IPv4 and IPv6");
    }
    if (source.equals(destination)) {
      throw new IllegalArgumentException(
          "source and destination are the same address "
              + source.getHostAddress()
              + ": a node has no pair key with itself");
    }
  }

  /** The label's bytes; never handed out, so never changed. */
  private static final byte[] LABEL_BYTES = LABEL.getBytes(StandardCharsets.US_ASCII);

  /**
   * The HKDF info for this context; a new array each call. Written straight into an array of the
   * exact size: an agent makes one per key it derives, a thousand per phase at a thousand peers.
   */
  byte[] info() {
    byte[] cipherId = cipher.id().getBytes(StandardCharsets.US_ASCII);
    byte[] src = source.getAddress();
    byte[] dst = destination.getAddress();
    ByteBuffer out =
        ByteBuffer.allocate(
            1
                + LABEL_BYTES.length
                + Long.BYTES
                + 1
                + cipherId.length
                + 2
                + src.length
                + dst.length);
    putLengthPrefixed(out, LABEL_BYTES);
    out.putLong(epoch);
    putLengthPrefixed(out, cipherId);
    out.put((byte) family(source)).put(src);
    out.put((byte) family(destination)).put(dst);
    return out.array();
  }

  private static void putLengthPrefixed(ByteBuffer out, byte[] value) {
    if (value.length > 255) {
      throw new IllegalStateException("info field of " + value.length + " bytes, at most 255");
    }
    out.put((byte) value.length).put(value);
  }

  private static int family(InetAddress address) {
    if (address instanceof Inet4Address) {
      return 4;
    }
    if (address instanceof Inet6Address) {
      return 6;
    }
    throw new IllegalArgumentException(
        "unsupported address type " + address.getClass().getName() + " for " + address);
  }
}
