package io.secureoverlay.agent.xfrm.wire;

import io.secureoverlay.agent.xfrm.XfrmStats;
import java.nio.ByteBuffer;

/**
 * Codec of the per-SA error counters (native order).
 *
 * <pre>
 * struct xfrm_stats {
 *     __u32 replay_window;     // 0
 *     __u32 replay;            // 4
 *     __u32 integrity_failed;  // 8
 * };                           // 12 bytes
 * </pre>
 */
public final class StructXfrmStats {

  public static final int SIZE = 12;

  private StructXfrmStats() {}

  public static void write(ByteBuffer buf, XfrmStats stats) {
    buf.putInt((int) stats.replayWindow());
    buf.putInt((int) stats.replay());
    buf.putInt((int) stats.integrityFailed());
  }

  public static XfrmStats read(ByteBuffer buf) {
    Structs.require(buf, SIZE, "xfrm_stats");
    return new XfrmStats(
        Integer.toUnsignedLong(buf.getInt()),
        Integer.toUnsignedLong(buf.getInt()),
        Integer.toUnsignedLong(buf.getInt()));
  }
}
