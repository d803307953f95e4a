package io.secureoverlay.agent.netlink;

import java.nio.ByteBuffer;

/**
 * The netlink message header, in native byte order.
 *
 * <pre>
 * struct nlmsghdr {
 *     __u32 nlmsg_len;    // length of message including header
 *     __u16 nlmsg_type;
 *     __u16 nlmsg_flags;
 *     __u32 nlmsg_seq;
 *     __u32 nlmsg_pid;    // sending process port ID
 * };                      // 16 bytes
 * </pre>
 *
 * @param length nlmsg_len, unsigned, read as an int (messages stay far below 2 GiB)
 * @param type nlmsg_type, 0..65535
 * @param flags nlmsg_flags, 0..65535
 */
public record StructNlMsgHdr(int length, int type, int flags, int seq, int pid) {

  public static final int SIZE = 16;

  /** Writes the 16 bytes at the buffer's position (native order) and advances it. */
  public void writeTo(ByteBuffer buf) {
    buf.putInt(length);
    buf.putShort((short) type);
    buf.putShort((short) flags);
    buf.putInt(seq);
    buf.putInt(pid);
  }

  /** Reads 16 bytes at the buffer's position; the caller checked that they are there. */
  public static StructNlMsgHdr readFrom(ByteBuffer buf) {
    int length = buf.getInt();
    int type = Short.toUnsignedInt(buf.getShort());
    int flags = Short.toUnsignedInt(buf.getShort());
    int seq = buf.getInt();
    int pid = buf.getInt();
    return new StructNlMsgHdr(length, type, flags, seq, pid);
  }

  public boolean hasFlag(int flag) {
    return (flags & flag) == flag;
  }
}
