package io.secureoverlay.agent.netlink;

import java.nio.ByteBuffer;

/**
 * A netlink socket address.
 *
 * <pre>
 * struct sockaddr_nl {
 *     __kernel_sa_family_t nl_family;  // AF_NETLINK
 *     unsigned short       nl_pad;     // zero
 *     __u32                nl_pid;     // port ID; 0 = the kernel, or "assign one" in bind()
 *     __u32                nl_groups;  // multicast groups mask
 * };                                   // 12 bytes
 * </pre>
 */
public record StructSockaddrNl(int pid, int groups) {

  public static final int SIZE = 12;

  public void writeTo(ByteBuffer buf) {
    buf.putShort((short) NetlinkConstants.AF_NETLINK);
    buf.putShort((short) 0); // nl_pad
    buf.putInt(pid);
    buf.putInt(groups);
  }

  public static StructSockaddrNl readFrom(ByteBuffer buf) {
    buf.getShort(); // nl_family
    buf.getShort(); // nl_pad
    int pid = buf.getInt();
    int groups = buf.getInt();
    return new StructSockaddrNl(pid, groups);
  }
}
