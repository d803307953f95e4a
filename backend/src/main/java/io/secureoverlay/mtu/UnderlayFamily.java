package io.secureoverlay.mtu;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The IP family of the node (underlay) addresses. It decides the size of the IPIP packet's outer
 * header, which ESP transport mode keeps in front of the ESP header, and the smallest underlay MTU
 * that makes sense.
 */
public enum UnderlayFamily {
  /**
   * 20-byte IPv4 header (no options). 576 is the datagram size every IPv4 host must accept (RFC
   * 791, RFC 1122); an underlay below it is not a real deployment.
   */
  IPV4("ipv4", "IPv4", 20, 576),
  /** 40-byte fixed IPv6 header; IPv6 requires a link MTU of at least 1280 (RFC 8200). */
  IPV6("ipv6", "IPv6", 40, 1280);

  private final String id;
  private final String displayName;
  private final int headerBytes;
  private final int minimumMtu;

  UnderlayFamily(String id, String displayName, int headerBytes, int minimumMtu) {
    this.id = id;
    this.displayName = displayName;
    this.headerBytes = headerBytes;
    this.minimumMtu = minimumMtu;
  }

  /** The spelling used on the command line and in JSON. */
  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  /** Size of the outer IP header in front of the ESP header. */
  public int headerBytes() {
    return headerBytes;
  }

  /** The smallest external MTU accepted for this family. */
  public int minimumMtu() {
    return minimumMtu;
  }

  /** Case-insensitive lookup by {@link #id()}. */
  public static UnderlayFamily fromId(String id) {
    for (UnderlayFamily family : values()) {
      if (family.id.equals(id.toLowerCase(Locale.ROOT))) {
        return family;
      }
    }
    throw new IllegalArgumentException(
        "unknown underlay family '"
            + id
            + "': expected one of "
            + Arrays.stream(values()).map(UnderlayFamily::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return displayName;
  }
}
