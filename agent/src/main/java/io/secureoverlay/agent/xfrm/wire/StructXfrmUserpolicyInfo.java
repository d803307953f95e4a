package io.secureoverlay.agent.xfrm.wire;

import static io.secureoverlay.agent.xfrm.wire.NetworkOrder.pad;

import io.secureoverlay.agent.xfrm.XfrmLifetimeConfig;
import io.secureoverlay.agent.xfrm.XfrmLifetimeCurrent;
import io.secureoverlay.agent.xfrm.XfrmSelector;
import java.nio.ByteBuffer;

/**
 * The fixed payload of XFRM_MSG_NEWPOLICY / UPDPOLICY and of every policy in a dump.
 *
 * <pre>
 * struct xfrm_userpolicy_info {
 *     struct xfrm_selector      sel;       //   0, 56 bytes
 *     struct xfrm_lifetime_cfg  lft;       //  56, 64 bytes
 *     struct xfrm_lifetime_cur  curlft;    // 120, 32 bytes
 *     __u32                     priority;  // 152
 *     __u32                     index;     // 156
 *     __u8                      dir;       // 160, XFRM_POLICY_IN / OUT / FWD
 *     __u8                      action;    // 161, XFRM_POLICY_ALLOW / BLOCK
 *     __u8                      flags;     // 162, XFRM_POLICY_LOCALOK / ICMP
 *     __u8                      share;     // 163, then 4 bytes padding
 * };                                       // 168 bytes
 * </pre>
 */
public record StructXfrmUserpolicyInfo(
    XfrmSelector sel,
    XfrmLifetimeConfig lft,
    XfrmLifetimeCurrent curlft,
    int priority,
    int index,
    int dir,
    int action,
    int flags,
    int share) {

  public static final int SIZE = 168;

  public void writeTo(ByteBuffer buf) {
    StructXfrmSelector.write(buf, sel);
    StructXfrmLifetimeCfg.write(buf, lft);
    StructXfrmLifetimeCur.write(buf, curlft);
    buf.putInt(priority);
    buf.putInt(index);
    buf.put((byte) dir);
    buf.put((byte) action);
    buf.put((byte) flags);
    buf.put((byte) share);
    pad(buf, 4);
  }

  public static StructXfrmUserpolicyInfo readFrom(ByteBuffer buf) {
    Structs.require(buf, SIZE, "xfrm_userpolicy_info");
    int start = buf.position();
    XfrmSelector sel = StructXfrmSelector.read(buf, null);
    XfrmLifetimeConfig lft = StructXfrmLifetimeCfg.read(buf);
    XfrmLifetimeCurrent curlft = StructXfrmLifetimeCur.read(buf);
    int priority = buf.getInt();
    int index = buf.getInt();
    int dir = Byte.toUnsignedInt(buf.get());
    int action = Byte.toUnsignedInt(buf.get());
    int flags = Byte.toUnsignedInt(buf.get());
    int share = Byte.toUnsignedInt(buf.get());
    buf.position(start + SIZE);
    return new StructXfrmUserpolicyInfo(
        sel, lft, curlft, priority, index, dir, action, flags, share);
  }
}
