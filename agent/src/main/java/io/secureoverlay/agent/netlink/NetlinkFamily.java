package io.secureoverlay.agent.netlink;

import static io.secureoverlay.agent.netlink.NetlinkConstants.NLMSG_DONE;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLMSG_ERROR;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLMSG_NOOP;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLMSG_OVERRUN;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLM_F_CAPPED;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What the generic netlink layer needs to know about one protocol family (NETLINK_XFRM): its
 * protocol number, names for its message types (for error messages), and how to show a message's
 * bytes without its secrets.
 */
public interface NetlinkFamily {

  /** At most this many bytes of a reply are rendered into an exception message. */
  int MAX_REPORTED_BYTES = 2048;

  int protocol();

  /** The kernel's name for a message type, e.g. {@code XFRM_MSG_NEWSA}. */
  String messageTypeName(int type);

  /**
   * Renders the family-specific payload of one message whose header is sane: shown bytes as hex,
   * withheld parts as {@code <N bytes withheld>}. Must never throw and never show key bytes; when
   * in doubt, withhold.
   */
  void appendRedactedPayload(StringBuilder out, StructNlMsgHdr header, ByteBuffer payload);

  /** A name for any type, control messages included. */
  default String typeName(int type) {
    return switch (type) {
      case NLMSG_NOOP -> "NLMSG_NOOP";
      case NLMSG_ERROR -> "NLMSG_ERROR";
      case NLMSG_DONE -> "NLMSG_DONE";
      case NLMSG_OVERRUN -> "NLMSG_OVERRUN";
      default -> messageTypeName(type);
    };
  }

  /**
   * Renders {@code length} bytes of a datagram message by message: headers in full, control
   * payloads (ack/error with a capped request, done) in full, family payloads through {@link
   * #appendRedactedPayload}, and everything that cannot be framed withheld.
   */
  default String redactedHex(byte[] data, int offset, int length) {
    StringBuilder out = new StringBuilder();
    int pos = offset;
    int end = offset + length;
    int shown = 0;
    while (pos < end) {
      int remaining = end - pos;
      if (shown >= MAX_REPORTED_BYTES) {
        out.append("<").append(remaining).append(" more bytes not shown>");
        break;
      }
      if (remaining < StructNlMsgHdr.SIZE) {
        out.append("<").append(remaining).append(" unframed bytes withheld>");
        break;
      }
      ByteBuffer buf = ByteBuffer.wrap(data, pos, remaining).order(ByteOrder.nativeOrder());
      StructNlMsgHdr header = StructNlMsgHdr.readFrom(buf);
      if (out.length() > 0) {
        out.append(" | ");
      }
      out.append(typeName(header.type())).append(' ');
      HexDump.append(out, data, pos, StructNlMsgHdr.SIZE);
      if (header.length() < StructNlMsgHdr.SIZE || header.length() > remaining) {
        out.append(" <")
            .append(remaining - StructNlMsgHdr.SIZE)
            .append(" bytes after a bad nlmsg_len withheld>");
        break;
      }
      int payloadLength = header.length() - StructNlMsgHdr.SIZE;
      if (payloadLength > 0) {
        out.append(' ');
        ByteBuffer payload =
            ByteBuffer.wrap(data, pos + StructNlMsgHdr.SIZE, payloadLength)
                .slice()
                .order(ByteOrder.nativeOrder());
        boolean control = header.type() < 0x10;
        if (header.type() == NLMSG_DONE
            || (header.type() == NLMSG_ERROR && header.hasFlag(NLM_F_CAPPED))) {
          HexDump.append(out, data, pos + StructNlMsgHdr.SIZE, payloadLength);
        } else if (control) {
          out.append('<').append(payloadLength).append(" bytes withheld>");
        } else {
          appendRedactedPayload(out, header, payload);
        }
      }
      shown += header.length();
      pos += Math.max(NetlinkConstants.align4(header.length()), StructNlMsgHdr.SIZE);
    }
    return out.toString();
  }
}
