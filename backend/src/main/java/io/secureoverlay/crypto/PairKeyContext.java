package io.secureoverlay.crypto;

import io.secureoverlay.model.Cipher;
import java.io.ByteArrayOutputStream;
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

  /** The HKDF info for this context; a new array each call. */
  byte[] info() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(80);
    writeLengthPrefixed(out, LABEL);
    out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(epoch).array());
    writeLengthPrefixed(out, cipher.id());
    writeAddress(out, source);
    writeAddress(out, destination);
    return out.toByteArray();
  }

  private static void writeLengthPrefixed(ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length > 255) {
      throw new IllegalStateException("info field longer than 255 bytes: " + value);
    }
    out.write(bytes.length);
    out.writeBytes(bytes);
  }

  private static void writeAddress(ByteArrayOutputStream out, InetAddress address) {
    out.write(family(address));
    out.writeBytes(address.getAddress());
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
