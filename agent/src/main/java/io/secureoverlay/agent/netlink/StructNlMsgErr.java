package io.secureoverlay.agent.netlink;

import java.nio.ByteBuffer;

/**
 * Payload of an NLMSG_ERROR reply: 0 for an ack, a negative errno for a failure, followed by the
 * header of the request it answers (with NETLINK_CAP_ACK, only the header).
 *
 * <pre>
 * struct nlmsgerr {
 *     int error;
 *     struct nlmsghdr msg;  // the request's header (and, without CAP_ACK, its payload)
 * };                        // 20 bytes; extended-ack TLVs may follow
 * </pre>
 */
public record StructNlMsgErr(int error, StructNlMsgHdr request) {

  public static final int SIZE = 4 + StructNlMsgHdr.SIZE;

  public void writeTo(ByteBuffer buf) {
    buf.putInt(error);
    request.writeTo(buf);
  }

  public static StructNlMsgErr readFrom(ByteBuffer buf) {
    int error = buf.getInt();
    return new StructNlMsgErr(error, StructNlMsgHdr.readFrom(buf));
  }
}
