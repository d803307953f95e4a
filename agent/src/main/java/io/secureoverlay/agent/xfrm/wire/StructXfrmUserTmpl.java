package io.secureoverlay.agent.xfrm.wire;

import static io.secureoverlay.agent.xfrm.wire.NetworkOrder.getAddress;
import static io.secureoverlay.agent.xfrm.wire.NetworkOrder.pad;
import static io.secureoverlay.agent.xfrm.wire.NetworkOrder.putAddress;

import io.secureoverlay.agent.netlink.NetlinkParseException;
import io.secureoverlay.agent.xfrm.AddressFamily;
import io.secureoverlay.agent.xfrm.XfrmId;
import io.secureoverlay.agent.xfrm.XfrmMode;
import io.secureoverlay.agent.xfrm.XfrmTemplate;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * One policy template; XFRMA_TMPL holds an array of them.
 *
 * <pre>
 * struct xfrm_user_tmpl {
 *     struct xfrm_id  id;        //  0, 24 bytes
 *     __u16           family;    // 24, then 2 bytes padding
 *     xfrm_address_t  saddr;     // 28, 16 bytes
 *     __u32           reqid;     // 44
 *     __u8            mode;      // 48
 *     __u8            share;     // 49
 *     __u8            optional;  // 50, then 1 byte padding
 *     __u32           aalgos;    // 52
 *     __u32           ealgos;    // 56
 *     __u32           calgos;    // 60
 * };                             // 64 bytes
 * </pre>
 */
public final class StructXfrmUserTmpl {

  public static final int SIZE = 64;

  private StructXfrmUserTmpl() {}

  public static void write(ByteBuffer buf, XfrmTemplate tmpl) {
    StructXfrmId.write(buf, tmpl.id());
    buf.putShort((short) tmpl.id().family().number());
    pad(buf, 2);
    putAddress(buf, tmpl.source());
    buf.putInt(tmpl.reqid());
    buf.put((byte) tmpl.mode().number());
    buf.put((byte) tmpl.share());
    buf.put((byte) (tmpl.optional() ? 1 : 0));
    pad(buf, 1);
    buf.putInt(tmpl.authAlgorithms());
    buf.putInt(tmpl.encryptionAlgorithms());
    buf.putInt(tmpl.compressionAlgorithms());
  }

  /** Reads one template; family AF_UNSPEC takes the policy's family {@code fallback}. */
  public static XfrmTemplate read(ByteBuffer buf, AddressFamily fallback) {
    Structs.require(buf, SIZE, "xfrm_user_tmpl");
    int start = buf.position();
    AddressFamily family =
        Structs.family(
            Short.toUnsignedInt(buf.getShort(start + 24)), fallback, "xfrm_user_tmpl.family");
    XfrmId id = StructXfrmId.read(buf, family);
    buf.position(start + 28);
    InetAddress saddr = getAddress(buf, family);
    int reqid = buf.getInt();
    int mode = Byte.toUnsignedInt(buf.get());
    int share = Byte.toUnsignedInt(buf.get());
    int optional = Byte.toUnsignedInt(buf.get());
    buf.get();
    int aalgos = buf.getInt();
    int ealgos = buf.getInt();
    int calgos = buf.getInt();
    try {
      return new XfrmTemplate(
          id,
          saddr,
          reqid,
          XfrmMode.fromNumber(mode),
          optional != 0,
          share,
          aalgos,
          ealgos,
          calgos);
    } catch (IllegalArgumentException e) {
      throw new NetlinkParseException("xfrm_user_tmpl: " + e.getMessage());
    }
  }
}
