package io.secureoverlay.agent.xfrm;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Which packets an SA or policy applies to. Ports are host values (the wire carries them
 * big-endian); 0 with mask 0 means any. {@code proto} 0 means any protocol; SecureOverlay selects
 * IPIP (4).
 */
public record XfrmSelector(
    InetAddress destination,
    int destinationPrefixLength,
    InetAddress source,
    int sourcePrefixLength,
    int proto,
    int destinationPort,
    int destinationPortMask,
    int sourcePort,
    int sourcePortMask,
    int ifindex,
    int user) {

  /** IP protocol number of IP-in-IP, which carries Calico's pod traffic between nodes. */
  public static final int IPPROTO_IPIP = 4;

  public XfrmSelector {
    Objects.requireNonNull(destination, "selector destination");
    Objects.requireNonNull(source, "selector source");
    AddressFamily family = AddressFamily.of(destination);
    if (AddressFamily.of(source) != family) {
      throw new IllegalArgumentException(
          "selector source "
              + source.getHostAddress()
              + " and destination "
              + destination.getHostAddress()
              + " are of different families");
    }
    checkRange(
        "selector destinationPrefixLength", destinationPrefixLength, 0, family.maxPrefixLength());
    checkRange("selector sourcePrefixLength", sourcePrefixLength, 0, family.maxPrefixLength());
    checkRange("selector proto", proto, 0, 255);
    checkRange("selector destinationPort", destinationPort, 0, 0xffff);
    checkRange("selector destinationPortMask", destinationPortMask, 0, 0xffff);
    checkRange("selector sourcePort", sourcePort, 0, 0xffff);
    checkRange("selector sourcePortMask", sourcePortMask, 0, 0xffff);
  }

  /** Exactly the packets from {@code source} to {@code destination} of protocol {@code proto}. */
  public static XfrmSelector hosts(InetAddress source, InetAddress destination, int proto) {
    int bits = AddressFamily.of(destination).maxPrefixLength();
    return new XfrmSelector(destination, bits, source, bits, proto, 0, 0, 0, 0, 0, 0);
  }

  public AddressFamily family() {
    return AddressFamily.of(destination);
  }

  private static void checkRange(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          field + " must be in " + min + ".." + max + ", got " + value);
    }
  }

  @Override
  public String toString() {
    return "XfrmSelector["
        + source.getHostAddress()
        + "/"
        + sourcePrefixLength
        + (sourcePort != 0 ? ":" + sourcePort : "")
        + " -> "
        + destination.getHostAddress()
        + "/"
        + destinationPrefixLength
        + (destinationPort != 0 ? ":" + destinationPort : "")
        + " proto "
        + proto
        + (ifindex != 0 ? " dev " + ifindex : "")
        + "]";
  }
}
