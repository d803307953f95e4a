package io.secureoverlay.agent.xfrm;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** AF_INET / AF_INET6 and their all-zero "any" address. */
public enum AddressFamily {
  INET(2, 4),
  INET6(10, 16);

  private final int number;
  private final int addressBytes;

  AddressFamily(int number, int addressBytes) {
    this.number = number;
    this.addressBytes = addressBytes;
  }

  public int number() {
    return number;
  }

  public int addressBytes() {
    return addressBytes;
  }

  /** Longest prefix: 32 or 128. */
  public int maxPrefixLength() {
    return addressBytes * 8;
  }

  public InetAddress any() {
    try {
      return InetAddress.getByAddress(new byte[addressBytes]);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
    }
  }

  public static AddressFamily of(InetAddress address) {
    if (address instanceof Inet4Address) {
      return INET;
    }
    if (address instanceof Inet6Address) {
      return INET6;
    }
    throw new IllegalArgumentException("not an IPv4 or IPv6 address: " + address);
  }

  public static AddressFamily fromNumber(int number) {
    for (AddressFamily f : values()) {
      if (f.number == number) {
        return f;
      }
    }
    throw new IllegalArgumentException("unsupported address family " + number);
  }
}
