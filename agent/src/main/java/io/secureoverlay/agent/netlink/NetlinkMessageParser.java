package io.secureoverlay.agent.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a received datagram into its messages. Every nlmsg_len is checked against the bytes that
 * are really there; a datagram that does not frame cleanly is rejected whole.
 */
public final class NetlinkMessageParser {

  private final NetlinkFamily family;

  public NetlinkMessageParser(NetlinkFamily family) {
    this.family = family;
  }

  public List<NetlinkMessage> split(byte[] data, int length) {
    List<NetlinkMessage> messages = new ArrayList<>();
    ByteBuffer buf = ByteBuffer.wrap(data, 0, length).order(ByteOrder.nativeOrder());
    int pos = 0;
    while (pos < length) {
      int remaining = length - pos;
      if (remaining < StructNlMsgHdr.SIZE) {
        throw fail(
            data,
            length,
            remaining + " trailing bytes at offset " + pos + " are too short for a nlmsghdr");
      }
      StructNlMsgHdr header = StructNlMsgHdr.readFrom(buf.position(pos));
      if (header.length() < StructNlMsgHdr.SIZE || header.length() > remaining) {
        throw fail(
            data,
            length,
            "nlmsg_len "
                + Integer.toUnsignedString(header.length())
                + " at offset "
                + pos
                + " does not fit the "
                + remaining
                + " remaining bytes");
      }
      messages.add(new NetlinkMessage(header, data, pos));
      pos += NetlinkConstants.align4(header.length());
    }
    return messages;
  }

  /**
   * Reports a datagram that does not frame. Only its first 16 bytes are shown: they are the one
   * header known to be a header; past a bad length, any byte may belong to a key.
   */
  private NetlinkParseException fail(byte[] data, int length, String what) {
    String first =
        length >= StructNlMsgHdr.SIZE
            ? family.typeName(
                    StructNlMsgHdr.readFrom(ByteBuffer.wrap(data).order(ByteOrder.nativeOrder()))
                        .type())
                + " "
                + HexDump.of(data, 0, StructNlMsgHdr.SIZE)
            : "none";
    return new NetlinkParseException(
        "unparseable netlink datagram ("
            + length
            + " bytes): "
            + what
            + "; first header: "
            + first
            + "; the rest withheld");
  }
}
