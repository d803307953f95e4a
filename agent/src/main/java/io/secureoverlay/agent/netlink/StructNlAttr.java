package io.secureoverlay.agent.netlink;

import java.nio.ByteBuffer;

/**
 * A netlink attribute header; the value follows and is padded to 4 bytes.
 *
 * <pre>
 * struct nlattr {
 *     __u16 nla_len;   // header + value, without the trailing padding
 *     __u16 nla_type;  // may carry NLA_F_NESTED / NLA_F_NET_BYTEORDER
 * };                   // 4 bytes
 * </pre>
 */
public record StructNlAttr(int length, int type) {

  public static final int SIZE = 4;

  /** nla_len is a __u16. */
  public static final int MAX_LENGTH = 0xffff;

  public void writeTo(ByteBuffer buf) {
    buf.putShort((short) length);
    buf.putShort((short) type);
  }

  public static StructNlAttr readFrom(ByteBuffer buf) {
    int length = Short.toUnsignedInt(buf.getShort());
    int type = Short.toUnsignedInt(buf.getShort());
    return new StructNlAttr(length, type);
  }
}
