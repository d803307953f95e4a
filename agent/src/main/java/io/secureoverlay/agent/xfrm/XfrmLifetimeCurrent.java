package io.secureoverlay.agent.xfrm;

/**
 * What an SA or policy has used so far (the kernel's {@code xfrm_lifetime_cur}): bytes and packets
 * through it, and the add and last-use times in seconds since the epoch (0: never used).
 */
public record XfrmLifetimeCurrent(long bytes, long packets, long addTime, long useTime) {

  public static final XfrmLifetimeCurrent ZERO = new XfrmLifetimeCurrent(0, 0, 0, 0);
}
