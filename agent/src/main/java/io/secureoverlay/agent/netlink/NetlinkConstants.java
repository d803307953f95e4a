package io.secureoverlay.agent.netlink;

/**
 * Netlink and socket constants in the kernel's spelling ({@code linux/netlink.h}, {@code
 * linux/socket.h}, {@code asm-generic/socket.h}), for x86-64 and arm64 which share them.
 */
public final class NetlinkConstants {

  private NetlinkConstants() {}

  public static final int AF_NETLINK = 16;
  public static final int SOCK_RAW = 3;
  public static final int SOCK_CLOEXEC = 0x80000;
  public static final int NETLINK_XFRM = 6;

  public static final int SOL_SOCKET = 1;
  public static final int SO_SNDBUF = 7;
  public static final int SO_RCVBUF = 8;
  public static final int SO_RCVTIMEO = 20;
  public static final int SO_RCVBUFFORCE = 33;

  public static final int SOL_NETLINK = 270;

  /** Error replies carry only the request's header, not its payload (which may hold a key). */
  public static final int NETLINK_CAP_ACK = 10;

  /** Error replies carry the kernel's extended-ack TLVs (a message text). */
  public static final int NETLINK_EXT_ACK = 11;

  public static final int MSG_TRUNC = 0x20;

  public static final int O_RDONLY = 0;
  public static final int O_CLOEXEC = 0x80000;
  public static final int CLONE_NEWNET = 0x40000000;

  public static final int NLMSG_NOOP = 0x1;
  public static final int NLMSG_ERROR = 0x2;
  public static final int NLMSG_DONE = 0x3;
  public static final int NLMSG_OVERRUN = 0x4;

  public static final int NLM_F_REQUEST = 0x01;
  public static final int NLM_F_MULTI = 0x02;
  public static final int NLM_F_ACK = 0x04;
  public static final int NLM_F_ECHO = 0x08;
  public static final int NLM_F_DUMP_INTR = 0x10;
  public static final int NLM_F_DUMP_FILTERED = 0x20;
  public static final int NLM_F_ROOT = 0x100;
  public static final int NLM_F_MATCH = 0x200;
  public static final int NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;

  /** On NLMSG_ERROR: the request was capped to its header (NETLINK_CAP_ACK). */
  public static final int NLM_F_CAPPED = 0x100;

  /** On NLMSG_ERROR: extended-ack TLVs follow. */
  public static final int NLM_F_ACK_TLVS = 0x200;

  public static final int NLMSGERR_ATTR_MSG = 1;
  public static final int NLMSGERR_ATTR_OFFS = 2;

  public static final int NLA_F_NESTED = 1 << 15;
  public static final int NLA_F_NET_BYTEORDER = 1 << 14;
  public static final int NLA_TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER) & 0xffff;

  /** NLMSG_ALIGN and NLA_ALIGN: both 4. */
  public static int align4(int length) {
    return (length + 3) & ~3;
  }
}
