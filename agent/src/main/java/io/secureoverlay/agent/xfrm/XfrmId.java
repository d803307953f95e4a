package io.secureoverlay.agent.xfrm;

import java.net.InetAddress;
import java.util.Objects;

/**
 * What identifies an SA to the kernel: destination, SPI and protocol.
 *
 * @param spi the SPI as an unsigned 32-bit value in an int (0x5ec01001, not its wire bytes)
 */
public record XfrmId(InetAddress destination, int spi, XfrmProto proto) {

  public XfrmId {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(proto, "proto");
    AddressFamily.of(destination);
  }

  public AddressFamily family() {
    return AddressFamily.of(destination);
  }

  @Override
  public String toString() {
    return "XfrmId["
        + destination.getHostAddress()
        + " spi=0x"
        + String.format("%08x", spi)
        + " "
        + proto
        + "]";
  }
}
