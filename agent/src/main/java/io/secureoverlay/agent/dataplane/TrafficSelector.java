package io.secureoverlay.agent.dataplane;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * The traffic an SA or policy applies to ({@code struct xfrm_selector} without ports, interface or
 * user): source and destination prefixes and an IP protocol ({@code 0} = any).
 *
 * <p>SecureOverlay selects exactly the IPIP packets between two node underlay addresses: {@link
 * #ipip(InetAddress, InetAddress)}.
 */
public record TrafficSelector(
    InetAddress source, int sourcePrefix, InetAddress destination, int destPrefix, int protocol) {

  /** IPPROTO_IPIP: Calico's IP-in-IP encapsulation. */
  public static final int IPPROTO_IPIP = 4;

  public TrafficSelector {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    if (source.getClass() != destination.getClass()) {
      throw new IllegalArgumentException("selector source and destination differ in family");
    }
    int max = source instanceof Inet4Address ? 32 : 128;
    if (sourcePrefix < 0 || sourcePrefix > max) {
      throw new IllegalArgumentException(
          "selector sourcePrefix " + sourcePrefix + " not in 0.." + max);
    }
    if (destPrefix < 0 || destPrefix > max) {
      throw new IllegalArgumentException("selector destPrefix " + destPrefix + " not in 0.." + max);
    }
    if (protocol < 0 || protocol > 255) {
      throw new IllegalArgumentException("selector protocol " + protocol + " not in 0..255");
    }
  }

  /** IPIP packets from one host to another: {@code src/32 dst/32 proto 4}. */
  public static TrafficSelector ipip(InetAddress source, InetAddress destination) {
    int host = source instanceof Inet4Address ? 32 : 128;
    return new TrafficSelector(source, host, destination, host, IPPROTO_IPIP);
  }

  /** Mixed: see {@link HashMix}. */
  @Override
  public int hashCode() {
    int shape = (sourcePrefix << 16) | (destPrefix << 8) | protocol;
    return HashMix.of(HashMix.of(source.hashCode(), destination.hashCode()), shape);
  }

  /** Whether a packet with these addresses and protocol falls under this selector. */
  public boolean matches(InetAddress src, InetAddress dst, int proto) {
    return (protocol == 0 || protocol == proto)
        && prefixMatches(source, sourcePrefix, src)
        && prefixMatches(destination, destPrefix, dst);
  }

  private static boolean prefixMatches(InetAddress net, int prefix, InetAddress addr) {
    if (net.getClass() != addr.getClass()) {
      return false;
    }
    byte[] a = net.getAddress();
    byte[] b = addr.getAddress();
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (a[i] != b[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (a[full] & mask) == (b[full] & mask);
  }

  @Override
  public String toString() {
    return source.getHostAddress()
        + "/"
        + sourcePrefix
        + " -> "
        + destination.getHostAddress()
        + "/"
        + destPrefix
        + " proto "
        + protocol;
  }
}
