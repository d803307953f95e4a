package io.secureoverlay.agent.xfrm;

/**
 * Soft and hard limits of an SA or policy (the kernel's {@code xfrm_lifetime_cfg}). Limits are
 * unsigned; {@link #XFRM_INF} means none. Expiry times are seconds, 0 meaning none. A soft limit
 * makes the kernel send an expire notice; the hard limit kills the SA.
 */
public record XfrmLifetimeConfig(
    long softByteLimit,
    long hardByteLimit,
    long softPacketLimit,
    long hardPacketLimit,
    long softAddExpiresSeconds,
    long hardAddExpiresSeconds,
    long softUseExpiresSeconds,
    long hardUseExpiresSeconds) {

  /** XFRM_INF: (__u64) ~0. */
  public static final long XFRM_INF = -1L;

  /** No limits at all: what {@code ip xfrm} sends when no {@code limit} is given. */
  public static final XfrmLifetimeConfig UNLIMITED =
      new XfrmLifetimeConfig(XFRM_INF, XFRM_INF, XFRM_INF, XFRM_INF, 0, 0, 0, 0);

  public XfrmLifetimeConfig {
    requireSoftBelowHard("byte", softByteLimit, hardByteLimit);
    requireSoftBelowHard("packet", softPacketLimit, hardPacketLimit);
    requireExpiry("add", softAddExpiresSeconds, hardAddExpiresSeconds);
    requireExpiry("use", softUseExpiresSeconds, hardUseExpiresSeconds);
  }

  /** Byte and packet limits only, no time limits. */
  public static XfrmLifetimeConfig limits(
      long softBytes, long hardBytes, long softPackets, long hardPackets) {
    return new XfrmLifetimeConfig(softBytes, hardBytes, softPackets, hardPackets, 0, 0, 0, 0);
  }

  private static void requireSoftBelowHard(String what, long soft, long hard) {
    if (Long.compareUnsigned(soft, hard) > 0) {
      throw new IllegalArgumentException(
          "soft "
              + what
              + " limit "
              + Long.toUnsignedString(soft)
              + " is above the hard "
              + what
              + " limit "
              + Long.toUnsignedString(hard));
    }
  }

  private static void requireExpiry(String what, long soft, long hard) {
    if (soft < 0 || hard < 0) {
      throw new IllegalArgumentException(what + " expiry seconds must not be negative");
    }
    if (hard != 0 && soft > hard) {
      throw new IllegalArgumentException(
          "soft " + what + " expiry " + soft + " s is after the hard one " + hard + " s");
    }
  }
}
