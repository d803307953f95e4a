package io.secureoverlay.agent.xfrm;

/**
 * Per-SA error counters (the kernel's {@code xfrm_stats}): packets dropped outside the replay
 * window, replayed packets, and packets that failed the integrity check (wrong key, tampering).
 */
public record XfrmStats(long replayWindow, long replay, long integrityFailed) {

  public static final XfrmStats ZERO = new XfrmStats(0, 0, 0);
}
