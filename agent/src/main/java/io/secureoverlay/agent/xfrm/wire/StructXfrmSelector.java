package io.secureoverlay.agent.xfrm.wire;

import static io.secureoverlay.agent.xfrm.wire.NetworkOrder.getAddress;
import static io.secureoverlay.agent.xfrm.wire.NetworkOrder.getBe16;
import static io.secureoverlay.agent.xfrm.wire.NetworkOrder.pad;
import static io.secureoverlay.agent.xfrm.wire.NetworkOrder.putAddress;
import static io.secureoverlay.agent.xfrm.wire.NetworkOrder.putBe16;

import io.secureoverlay.agent.netlink.NetlinkParseException;
import io.secureoverlay.agent.xfrm.AddressFamily;
import io.secureoverlay.agent.xfrm.XfrmSelector;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * Codec of the selector struct.
 *
 * <pre>
 * struct xfrm_selector {
 *     xfrm_address_t    daddr;        //  0, 16 bytes, big-endian
 *     xfrm_address_t    saddr;        // 16
 *     __be16            dport;        // 32
 *     __be16            dport_mask;   // 34
 *     __be16            sport;        // 36
 *     __be16            sport_mask;   // 38
 *     __u16             family;       // 40
 *     __u8              prefixlen_d;  // 42
 *     __u8              prefixlen_s;  // 43
 *     __u8              proto;        // 44, then 3 bytes padding
 *     int               ifindex;      // 48
 *     __kernel_uid32_t  user;         // 52
 * };                                  // 56 bytes
 * </pre>
 */
public final class StructXfrmSelector {

  public static final int SIZE = 56;

  private StructXfrmSelector() {}

  public static void write(ByteBuffer buf, XfrmSelector sel) {
    putAddress(buf, sel.destination());
    putAddress(buf, sel.source());
    putBe16(buf, sel.destinationPort());
    putBe16(buf, sel.destinationPortMask());
    putBe16(buf, sel.sourcePort());
    putBe16(buf, sel.sourcePortMask());
    buf.putShort((short) sel.family().number());
    buf.put((byte) sel.destinationPrefixLength());
    buf.put((byte) sel.sourcePrefixLength());
    buf.put((byte) sel.proto());
    pad(buf, 3);
    buf.putInt(sel.ifindex());
    buf.putInt(sel.user());
  }

  /**
   * Reads a selector; a selector with family AF_UNSPEC (an SA added without one) takes {@code
   * fallback} (the SA's family), or fails when {@code fallback} is null.
   */
  public static XfrmSelector read(ByteBuffer buf, AddressFamily fallback) {
    Structs.require(buf, SIZE, "xfrm_selector");
    int start = buf.position();
    int familyNumber = Short.toUnsignedInt(buf.getShort(start + 40));
    AddressFamily family = Structs.family(familyNumber, fallback, "xfrm_selector.family");
    InetAddress daddr = getAddress(buf, family);
    InetAddress saddr = getAddress(buf, family);
    int dport = getBe16(buf);
    int dportMask = getBe16(buf);
    int sport = getBe16(buf);
    int sportMask = getBe16(buf);
    buf.getShort(); // family, read above
    int prefixD = Byte.toUnsignedInt(buf.get());
    int prefixS = Byte.toUnsignedInt(buf.get());
    int proto = Byte.toUnsignedInt(buf.get());
    buf.position(buf.position() + 3);
    int ifindex = buf.getInt();
    int user = buf.getInt();
    try {
      return new XfrmSelector(
          daddr, prefixD, saddr, prefixS, proto, dport, dportMask, sport, sportMask, ifindex, user);
    } catch (IllegalArgumentException e) {
      throw new NetlinkParseException("xfrm_selector: " + e.getMessage());
    }
  }
}
