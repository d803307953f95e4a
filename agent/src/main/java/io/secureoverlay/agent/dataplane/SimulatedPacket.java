package io.secureoverlay.agent.dataplane;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.net.InetAddress;

/**
 * An IPIP packet between two node underlay addresses as it leaves the sender: plaintext ({@code
 * suite == null}), ESP under {@code spi} with the sender SA's algorithm and key identity, or
 * dropped by the sender ({@code senderDrop != null}).
 */
record SimulatedPacket(
    InetAddress source,
    InetAddress destination,
    int bytes,
    int spi,
    EspSuite suite,
    String senderDrop) {

  /**
   * Algorithm, ICV length and key identity of an SA: a receiver decrypts only if all three match.
   */
  record EspSuite(Cipher cipher, IcvLength icv, long keyFingerprint) {}

  static SimulatedPacket plaintext(InetAddress source, InetAddress destination, int bytes) {
    return new SimulatedPacket(source, destination, bytes, 0, null, null);
  }

  static SimulatedPacket esp(
      InetAddress source, InetAddress destination, int bytes, int spi, EspSuite suite) {
    return new SimulatedPacket(source, destination, bytes, spi, suite, null);
  }

  static SimulatedPacket dropped(String reason) {
    return new SimulatedPacket(null, null, 0, 0, null, reason);
  }

  boolean encrypted() {
    return suite != null;
  }

  boolean droppedBySender() {
    return senderDrop != null;
  }
}
