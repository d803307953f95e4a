package io.secureoverlay.agent.xfrm.wire;

import io.secureoverlay.agent.netlink.NetlinkParseException;
import io.secureoverlay.agent.xfrm.XfrmLifetimeConfig;
import java.nio.ByteBuffer;

/**
 * Codec of the configured limits (native order).
 *
 * <pre>
 * struct xfrm_lifetime_cfg {
 *     __u64 soft_byte_limit;           //  0
 *     __u64 hard_byte_limit;           //  8
 *     __u64 soft_packet_limit;         // 16
 *     __u64 hard_packet_limit;         // 24
 *     __u64 soft_add_expires_seconds;  // 32
 *     __u64 hard_add_expires_seconds;  // 40
 *     __u64 soft_use_expires_seconds;  // 48
 *     __u64 hard_use_expires_seconds;  // 56
 * };                                   // 64 bytes
 * </pre>
 */
public final class StructXfrmLifetimeCfg {

  public static final int SIZE = 64;

  private StructXfrmLifetimeCfg() {}

  public static void write(ByteBuffer buf, XfrmLifetimeConfig lft) {
    buf.putLong(lft.softByteLimit());
    buf.putLong(lft.hardByteLimit());
    buf.putLong(lft.softPacketLimit());
    buf.putLong(lft.hardPacketLimit());
    buf.putLong(lft.softAddExpiresSeconds());
    buf.putLong(lft.hardAddExpiresSeconds());
    buf.putLong(lft.softUseExpiresSeconds());
    buf.putLong(lft.hardUseExpiresSeconds());
  }

  public static XfrmLifetimeConfig read(ByteBuffer buf) {
    Structs.require(buf, SIZE, "xfrm_lifetime_cfg");
    long[] v = new long[8];
    for (int i = 0; i < v.length; i++) {
      v[i] = buf.getLong();
    }
    try {
      return new XfrmLifetimeConfig(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    } catch (IllegalArgumentException e) {
      throw new NetlinkParseException("xfrm_lifetime_cfg: " + e.getMessage());
    }
  }
}
