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

  /** At most this many bytes of a message are rendered into an exception message. */
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
   * Renders one message that framed correctly ({@code length} = its nlmsg_len): the header in full,
   * control payloads (an ack or error with a capped request, done) in full, family payloads through
   * {@link #appendRedactedPayload}. Never throws.
   */
  default String redactedHex(byte[] data, int offset, int length) {
    StringBuilder out = new StringBuilder();
    if (length < StructNlMsgHdr.SIZE || offset < 0 || offset + length > data.length) {
      return out.append('<')
          .append(Math.max(length, 0))
          .append(" unframed bytes withheld>")
          .toString();
    }
    ByteBuffer buf = ByteBuffer.wrap(data, offset, length).order(ByteOrder.nativeOrder());
    StructNlMsgHdr header = StructNlMsgHdr.readFrom(buf);
    out.append(typeName(header.type())).append(' ');
    HexDump.append(out, data, offset, StructNlMsgHdr.SIZE);
    if (header.length() < StructNlMsgHdr.SIZE || header.length() > length) {
      return out.append(" <")
          .append(length - StructNlMsgHdr.SIZE)
          .append(" bytes after a bad nlmsg_len withheld>")
          .toString();
    }
    int rest = length - header.length();
    length = header.length();
    int payloadLength = Math.min(length, MAX_REPORTED_BYTES) - StructNlMsgHdr.SIZE;
    if (payloadLength <= 0) {
      return rest > 0
          ? out.append(" <").append(rest).append(" bytes of further messages not shown>").toString()
          : out.toString();
    }
    out.append(' ');
    ByteBuffer payload =
        ByteBuffer.wrap(data, offset + StructNlMsgHdr.SIZE, payloadLength)
            .slice()
            .order(ByteOrder.nativeOrder());
    if (header.type() == NLMSG_DONE
        || (header.type() == NLMSG_ERROR && header.hasFlag(NLM_F_CAPPED))) {
      HexDump.append(out, data, offset + StructNlMsgHdr.SIZE, payloadLength);
    } else if (header.type() < 0x10) {
      out.append('<').append(payloadLength).append(" bytes withheld>");
    } else {
      appendRedactedPayload(out, header, payload);
    }
    if (length > MAX_REPORTED_BYTES) {
      out.append(" <").append(length - MAX_REPORTED_BYTES).append(" more bytes not shown>");
    }
    if (rest > 0) {
      out.append(" <").append(rest).append(" bytes of further messages not shown>");
    }
    return out.toString();
  }

  /** {@link #redactedHex} of one parsed message. */
  default String redacted(NetlinkMessage message) {
    return redactedHex(message.data(), message.offset(), message.header().length());
  }
}
