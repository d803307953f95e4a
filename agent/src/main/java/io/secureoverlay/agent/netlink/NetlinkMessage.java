package io.secureoverlay.agent.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One message of a received datagram: its header and a view of its payload. The bytes belong to the
 * receive buffer of the {@link NetlinkConversation}, which zeroes them once the message is decoded:
 * decoders copy out what they keep and never hold on to the message.
 */
public final class NetlinkMessage {

  private final StructNlMsgHdr header;
  private final byte[] data;
  private final int offset;

  NetlinkMessage(StructNlMsgHdr header, byte[] data, int offset) {
    this.header = header;
    this.data = data;
    this.offset = offset;
  }

  /** A message over its own array, e.g. a captured reply in a test. */
  public static NetlinkMessage of(byte[] message) {
    ByteBuffer buf = ByteBuffer.wrap(message).order(ByteOrder.nativeOrder());
    if (message.length < StructNlMsgHdr.SIZE) {
      throw new NetlinkParseException("message of " + message.length + " bytes has no header");
    }
    StructNlMsgHdr header = StructNlMsgHdr.readFrom(buf);
    if (header.length() < StructNlMsgHdr.SIZE || header.length() > message.length) {
      throw new NetlinkParseException(
          "nlmsg_len " + header.length() + " does not fit a " + message.length + "-byte message");
    }
    return new NetlinkMessage(header, message, 0);
  }

  public StructNlMsgHdr header() {
    return header;
  }

  public int type() {
    return header.type();
  }

  public int payloadLength() {
    return header.length() - StructNlMsgHdr.SIZE;
  }

  /** A native-order view of the payload, position 0 at the first byte after the header. */
  public ByteBuffer payload() {
    return ByteBuffer.wrap(data, offset + StructNlMsgHdr.SIZE, payloadLength())
        .slice()
        .order(ByteOrder.nativeOrder());
  }

  /** The backing array and this message's offset in it, for redacted reporting. */
  byte[] data() {
    return data;
  }

  int offset() {
    return offset;
  }

  @Override
  public String toString() {
    return "NetlinkMessage[type="
        + header.type()
        + ", flags=0x"
        + Integer.toHexString(header.flags())
        + ", seq="
        + Integer.toUnsignedString(header.seq())
        + ", "
        + header.length()
        + " bytes]";
  }
}
