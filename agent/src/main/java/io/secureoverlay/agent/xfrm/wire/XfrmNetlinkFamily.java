package io.secureoverlay.agent.xfrm.wire;

import static io.secureoverlay.agent.xfrm.wire.XfrmMsgType.XFRM_MSG_DELPOLICY;
import static io.secureoverlay.agent.xfrm.wire.XfrmMsgType.XFRM_MSG_DELSA;
import static io.secureoverlay.agent.xfrm.wire.XfrmMsgType.XFRM_MSG_EXPIRE;
import static io.secureoverlay.agent.xfrm.wire.XfrmMsgType.XFRM_MSG_GETPOLICY;
import static io.secureoverlay.agent.xfrm.wire.XfrmMsgType.XFRM_MSG_GETSA;
import static io.secureoverlay.agent.xfrm.wire.XfrmMsgType.XFRM_MSG_NEWPOLICY;
import static io.secureoverlay.agent.xfrm.wire.XfrmMsgType.XFRM_MSG_NEWSA;
import static io.secureoverlay.agent.xfrm.wire.XfrmMsgType.XFRM_MSG_UPDPOLICY;
import static io.secureoverlay.agent.xfrm.wire.XfrmMsgType.XFRM_MSG_UPDSA;

import io.secureoverlay.agent.netlink.HexDump;
import io.secureoverlay.agent.netlink.NetlinkConstants;
import io.secureoverlay.agent.netlink.NetlinkFamily;
import io.secureoverlay.agent.netlink.StructNlAttr;
import io.secureoverlay.agent.netlink.StructNlMsgHdr;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * NETLINK_XFRM for the generic layer: type names, and the redactor that keeps keys out of every
 * reported byte. It shows a message's fixed struct (no XFRM fixed struct holds key material) and
 * its attributes one by one, but the value only of attribute types on an allow-list ({@link
 * XfrmAttr#isShowable}); the algorithm attributes that carry keys, and any type it does not know,
 * are shown as their length. It withholds everything it cannot frame and the payload of every
 * message type it does not know.
 */
public final class XfrmNetlinkFamily implements NetlinkFamily {

  public static final XfrmNetlinkFamily INSTANCE = new XfrmNetlinkFamily();

  /** struct xfrm_user_expire: xfrm_usersa_info + __u8 hard, padded to 8. */
  private static final int XFRM_USER_EXPIRE_SIZE = StructXfrmUsersaInfo.SIZE + 8;

  private XfrmNetlinkFamily() {}

  @Override
  public int protocol() {
    return NetlinkConstants.NETLINK_XFRM;
  }

  @Override
  public String messageTypeName(int type) {
    return XfrmMsgType.name(type);
  }

  @Override
  public void appendRedactedPayload(StringBuilder out, StructNlMsgHdr header, ByteBuffer payload) {
    int fixed = fixedSize(header.type(), header.flags());
    int length = payload.remaining();
    if (fixed < 0) {
      out.append('<').append(length).append(" bytes of an unknown type withheld>");
      return;
    }
    byte[] bytes = new byte[length];
    payload.duplicate().get(bytes);
    try {
      appendStructAndAttributes(out, bytes, fixed);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static void appendStructAndAttributes(StringBuilder out, byte[] bytes, int fixed) {
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
    int length = bytes.length;
    HexDump.append(out, bytes, 0, Math.min(fixed, length));
    int pos = NetlinkConstants.align4(fixed);
    while (pos < length) {
      int remaining = length - pos;
      int attrLength = remaining >= StructNlAttr.SIZE ? Short.toUnsignedInt(buf.getShort(pos)) : 0;
      if (attrLength < StructNlAttr.SIZE || attrLength > remaining) {
        out.append(" <").append(remaining).append(" unframed bytes withheld>");
        return;
      }
      int type = Short.toUnsignedInt(buf.getShort(pos + 2)) & NetlinkConstants.NLA_TYPE_MASK;
      out.append(" [");
      HexDump.append(out, bytes, pos, StructNlAttr.SIZE);
      if (!XfrmAttr.isShowable(type)) {
        out.append(" <").append(attrLength - StructNlAttr.SIZE).append(" value bytes withheld>");
      } else if (attrLength > StructNlAttr.SIZE) {
        out.append(' ');
        HexDump.append(out, bytes, pos + StructNlAttr.SIZE, attrLength - StructNlAttr.SIZE);
      }
      out.append(']');
      pos += NetlinkConstants.align4(attrLength);
    }
  }

  /** Size of the fixed struct of a type (0 for a header-only dump request), -1 if unknown. */
  private static int fixedSize(int type, int flags) {
    boolean dumpRequest =
        (flags & NetlinkConstants.NLM_F_DUMP) == NetlinkConstants.NLM_F_DUMP
            && (flags & NetlinkConstants.NLM_F_REQUEST) != 0;
    return switch (type) {
      case XFRM_MSG_NEWSA, XFRM_MSG_UPDSA -> StructXfrmUsersaInfo.SIZE;
      case XFRM_MSG_EXPIRE -> XFRM_USER_EXPIRE_SIZE;
      case XFRM_MSG_GETSA -> dumpRequest ? 0 : StructXfrmUsersaId.SIZE;
      case XFRM_MSG_DELSA -> StructXfrmUsersaId.SIZE;
      case XFRM_MSG_NEWPOLICY, XFRM_MSG_UPDPOLICY -> StructXfrmUserpolicyInfo.SIZE;
      case XFRM_MSG_GETPOLICY -> dumpRequest ? 0 : StructXfrmUserpolicyId.SIZE;
      case XFRM_MSG_DELPOLICY -> StructXfrmUserpolicyId.SIZE;
      default -> -1;
    };
  }
}
