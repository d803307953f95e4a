package io.secureoverlay.sandbox;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Underlay addresses and names for sandbox nodes, from ranges reserved for documentation and shared
 * address space, never routable on the internet: the first 254 nodes in TEST-NET-1 (192.0.2.1-254,
 * RFC 5737), the rest in 100.64.0.0/10 (RFC 6598), which holds four million.
 */
public final class SandboxAddresses {

  private static final int TEST_NET_HOSTS = 254;

  private SandboxAddresses() {}

  /** The address of the node with this ordinal (0-based). */
  public static Inet4Address underlay(int ordinal) {
    if (ordinal < 0) {
      throw new IllegalArgumentException("ordinal must be >= 0, was " + ordinal);
    }
    byte[] bytes;
    if (ordinal < TEST_NET_HOSTS) {
      bytes = new byte[] {(byte) 192, 0, 2, (byte) (ordinal + 1)};
    } else {
      int k = ordinal - TEST_NET_HOSTS;
      int perThird = 254;
      int third = k / perThird;
      if (third >= 64 * 256) {
        throw new IllegalArgumentException("ordinal " + ordinal + " exceeds 100.64.0.0/10");
      }
      bytes =
          new byte[] {
            100, (byte) (64 + third / 256), (byte) (third % 256), (byte) (k % perThird + 1)
          };
    }
    try {
      return (Inet4Address) InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are a valid address", e);
    }
  }

  /** The prefix length Calico would annotate: /24 in TEST-NET-1, /10 in the shared space. */
  public static int prefixLength(int ordinal) {
    return ordinal < TEST_NET_HOSTS ? 24 : 10;
  }

  /** {@code node-0001}, ... (1-based in the name, so node-0001 has ordinal 0). */
  public static String nodeName(int ordinal) {
    return String.format("node-%04d", ordinal + 1);
  }
}
