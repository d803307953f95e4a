package io.secureoverlay.agent.xfrm.wire;

import io.secureoverlay.agent.xfrm.XfrmLifetimeCurrent;
import java.nio.ByteBuffer;

/**
 * Codec of the usage counters (native order).
 *
 * <pre>
 * struct xfrm_lifetime_cur {
 *     __u64 bytes;     //  0
 *     __u64 packets;   //  8
 *     __u64 add_time;  // 16
 *     __u64 use_time;  // 24
 * };                   // 32 bytes
 * </pre>
 */
public final class StructXfrmLifetimeCur {

  public static final int SIZE = 32;

  private StructXfrmLifetimeCur() {}

  public static void write(ByteBuffer buf, XfrmLifetimeCurrent cur) {
    buf.putLong(cur.bytes());
    buf.putLong(cur.packets());
    buf.putLong(cur.addTime());
    buf.putLong(cur.useTime());
  }

  public static XfrmLifetimeCurrent read(ByteBuffer buf) {
    Structs.require(buf, SIZE, "xfrm_lifetime_cur");
    return new XfrmLifetimeCurrent(buf.getLong(), buf.getLong(), buf.getLong(), buf.getLong());
  }
}
