package io.secureoverlay.agent.dataplane;

/**
 * Byte and packet limits of an SA ({@code struct xfrm_lifetime_cfg}, byte and packet fields). A
 * soft limit makes the kernel report an expiry while the SA keeps working; a hard limit deletes the
 * SA. {@link #UNLIMITED} is the kernel's {@code XFRM_INF} ({@code ~0ULL}); values are compared
 * unsigned, as the kernel does.
 */
public record SaLifetimes(long softBytes, long hardBytes, long softPackets, long hardPackets) {

  /** {@code XFRM_INF}: no limit. */
  public static final long UNLIMITED = -1L;

  public static final SaLifetimes NONE =
      new SaLifetimes(UNLIMITED, UNLIMITED, UNLIMITED, UNLIMITED);

  public SaLifetimes {
    if (Long.compareUnsigned(softBytes, hardBytes) > 0) {
      throw new IllegalArgumentException("lifetime softBytes exceeds hardBytes");
    }
    if (Long.compareUnsigned(softPackets, hardPackets) > 0) {
      throw new IllegalArgumentException("lifetime softPackets exceeds hardPackets");
    }
  }

  /** Whether {@code bytes} or {@code packets} has reached a hard limit. */
  public boolean hardExpired(long bytes, long packets) {
    return Long.compareUnsigned(bytes, hardBytes) >= 0
        || Long.compareUnsigned(packets, hardPackets) >= 0;
  }

  /** Whether {@code bytes} or {@code packets} has reached a soft limit. */
  public boolean softExpired(long bytes, long packets) {
    return Long.compareUnsigned(bytes, softBytes) >= 0
        || Long.compareUnsigned(packets, softPackets) >= 0;
  }
}
