package io.secureoverlay.agent.dataplane;

/**
 * What an SA has carried and rejected: bytes and packets from {@code xfrm_lifetime_cur}, replay and
 * integrity failures from {@code xfrm_stats}. Integrity failures on an inbound SA mean the sender
 * used another key (or the packet was tampered with).
 */
public record SaCounters(long bytes, long packets, long replayErrors, long integrityErrors) {

  public static final SaCounters ZERO = new SaCounters(0, 0, 0, 0);
}
