package io.secureoverlay.agent.dataplane;

import java.net.InetAddress;
import java.util.Objects;

/**
 * The kernel's identity of an SA ({@code struct xfrm_id} with its destination): at most one SA per
 * (destination address, SPI, protocol). Adding a second one fails with EEXIST.
 */
public record SaId(InetAddress destination, int spi, IpsecProtocol protocol) {

  public SaId {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(protocol, "protocol");
  }

  /** Mixed: see {@link HashMix}. Equal ids hash alike; the protocol by ordinal, not identity. */
  @Override
  public int hashCode() {
    return HashMix.of(destination.hashCode(), spi * 4 + protocol.ordinal());
  }

  public static SaId esp(InetAddress destination, int spi) {
    return new SaId(destination, spi, IpsecProtocol.ESP);
  }

  @Override
  public String toString() {
    return protocol.name().toLowerCase(java.util.Locale.ROOT)
        + " dst "
        + destination.getHostAddress()
        + " spi "
        + String.format("0x%08x", spi);
  }
}
