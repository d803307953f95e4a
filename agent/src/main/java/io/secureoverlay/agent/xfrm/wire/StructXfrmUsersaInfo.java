package io.secureoverlay.agent.xfrm.wire;

import static io.secureoverlay.agent.xfrm.wire.NetworkOrder.getAddress;
import static io.secureoverlay.agent.xfrm.wire.NetworkOrder.pad;
import static io.secureoverlay.agent.xfrm.wire.NetworkOrder.putAddress;

import io.secureoverlay.agent.xfrm.AddressFamily;
import io.secureoverlay.agent.xfrm.XfrmId;
import io.secureoverlay.agent.xfrm.XfrmLifetimeConfig;
import io.secureoverlay.agent.xfrm.XfrmLifetimeCurrent;
import io.secureoverlay.agent.xfrm.XfrmSelector;
import io.secureoverlay.agent.xfrm.XfrmStats;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * The fixed payload of XFRM_MSG_NEWSA / UPDSA and of every SA in a GETSA reply or dump.
 *
 * <pre>
 * struct xfrm_usersa_info {
 *     struct xfrm_selector      sel;            //   0, 56 bytes
 *     struct xfrm_id            id;             //  56, 24 bytes
 *     xfrm_address_t            saddr;          //  80, 16 bytes
 *     struct xfrm_lifetime_cfg  lft;            //  96, 64 bytes
 *     struct xfrm_lifetime_cur  curlft;         // 160, 32 bytes
 *     struct xfrm_stats         stats;          // 192, 12 bytes
 *     __u32                     seq;            // 204
 *     __u32                     reqid;          // 208
 *     __u16                     family;         // 212
 *     __u8                      mode;           // 214, XFRM_MODE_*
 *     __u8                      replay_window;  // 215
 *     __u8                      flags;          // 216, XFRM_STATE_*, then 7 bytes padding
 * };                                            // 224 bytes (8-byte aligned by the __u64s)
 * </pre>
 */
public record StructXfrmUsersaInfo(
    XfrmSelector sel,
    XfrmId id,
    InetAddress saddr,
    XfrmLifetimeConfig lft,
    XfrmLifetimeCurrent curlft,
    XfrmStats stats,
    int seq,
    int reqid,
    AddressFamily family,
    int mode,
    int replayWindow,
    int flags) {

  public static final int SIZE = 224;

  public void writeTo(ByteBuffer buf) {
    StructXfrmSelector.write(buf, sel);
    StructXfrmId.write(buf, id);
    putAddress(buf, saddr);
    StructXfrmLifetimeCfg.write(buf, lft);
    StructXfrmLifetimeCur.write(buf, curlft);
    StructXfrmStats.write(buf, stats);
    buf.putInt(seq);
    buf.putInt(reqid);
    buf.putShort((short) family.number());
    buf.put((byte) mode);
    buf.put((byte) replayWindow);
    buf.put((byte) flags);
    pad(buf, 7);
  }

  public static StructXfrmUsersaInfo readFrom(ByteBuffer buf) {
    Structs.require(buf, SIZE, "xfrm_usersa_info");
    int start = buf.position();
    AddressFamily family =
        Structs.family(
            Short.toUnsignedInt(buf.getShort(start + 212)), null, "xfrm_usersa_info.family");
    XfrmSelector sel = StructXfrmSelector.read(buf, family);
    XfrmId id = StructXfrmId.read(buf, family);
    InetAddress saddr = getAddress(buf, family);
    XfrmLifetimeConfig lft = StructXfrmLifetimeCfg.read(buf);
    XfrmLifetimeCurrent curlft = StructXfrmLifetimeCur.read(buf);
    XfrmStats stats = StructXfrmStats.read(buf);
    int seq = buf.getInt();
    int reqid = buf.getInt();
    buf.getShort(); // family, read above
    int mode = Byte.toUnsignedInt(buf.get());
    int replayWindow = Byte.toUnsignedInt(buf.get());
    int flags = Byte.toUnsignedInt(buf.get());
    buf.position(start + SIZE);
    return new StructXfrmUsersaInfo(
        sel, id, saddr, lft, curlft, stats, seq, reqid, family, mode, replayWindow, flags);
  }
}
