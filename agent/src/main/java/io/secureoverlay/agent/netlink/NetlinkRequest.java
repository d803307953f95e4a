package io.secureoverlay.agent.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One encoded request: the message type and flags plus the body (payload struct and attributes,
 * 4-byte aligned). The {@link NetlinkConversation} writes the header with its own sequence number.
 * A body that holds key material is marked sensitive: its owner calls {@link #wipe()} once the
 * request has been sent, and {@link #toString()} never shows body bytes in any case.
 */
public final class NetlinkRequest {

  private final int type;
  private final int flags;
  private final byte[] body;
  private final boolean sensitive;

  NetlinkRequest(int type, int flags, byte[] body, boolean sensitive) {
    if (type < 0 || type > 0xffff || flags < 0 || flags > 0xffff) {
      throw new IllegalArgumentException("type and flags are __u16: " + type + ", " + flags);
    }
    if (body.length % 4 != 0) {
      throw new IllegalArgumentException("body must be 4-byte aligned, is " + body.length);
    }
    this.type = type;
    this.flags = flags;
    this.body = body;
    this.sensitive = sensitive;
  }

  public int type() {
    return type;
  }

  public int flags() {
    return flags;
  }

  /** nlmsg_len of the encoded message: header plus body. */
  public int length() {
    return StructNlMsgHdr.SIZE + body.length;
  }

  public boolean isSensitive() {
    return sensitive;
  }

  /** Writes header (with {@code seq}, port id 0) and body at the buffer's position. */
  public void writeTo(ByteBuffer buf, int seq) {
    ByteOrder order = buf.order();
    buf.order(ByteOrder.nativeOrder());
    new StructNlMsgHdr(length(), type, flags, seq, 0).writeTo(buf);
    buf.put(body);
    buf.order(order);
  }

  /** The whole message as a new array (tests, golden comparisons); the caller wipes it. */
  public byte[] encode(int seq) {
    ByteBuffer buf = ByteBuffer.allocate(length()).order(ByteOrder.nativeOrder());
    writeTo(buf, seq);
    return buf.array();
  }

  /** Zeroes the body. The request must not be sent afterwards. */
  public void wipe() {
    Arrays.fill(body, (byte) 0);
  }

  @Override
  public String toString() {
    return "NetlinkRequest[type="
        + type
        + ", flags=0x"
        + Integer.toHexString(flags)
        + ", "
        + body.length
        + " body bytes"
        + (sensitive ? ", sensitive" : "")
        + "]";
  }
}
