package io.secureoverlay.agent.xfrm.wire;

import static io.secureoverlay.agent.xfrm.wire.NetworkOrder.getAddress;
import static io.secureoverlay.agent.xfrm.wire.NetworkOrder.getBe32;
import static io.secureoverlay.agent.xfrm.wire.NetworkOrder.pad;
import static io.secureoverlay.agent.xfrm.wire.NetworkOrder.putAddress;
import static io.secureoverlay.agent.xfrm.wire.NetworkOrder.putBe32;

import io.secureoverlay.agent.netlink.NetlinkParseException;
import io.secureoverlay.agent.xfrm.AddressFamily;
import io.secureoverlay.agent.xfrm.XfrmId;
import io.secureoverlay.agent.xfrm.XfrmProto;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * Codec of the SA identity struct.
 *
 * <pre>
 * struct xfrm_id {
 *     xfrm_address_t  daddr;  //  0, 16 bytes, big-endian
 *     __be32          spi;    // 16
 *     __u8            proto;  // 20, then 3 bytes padding
 * };                          // 24 bytes
 * </pre>
 */
public final class StructXfrmId {

  public static final int SIZE = 24;

  private StructXfrmId() {}

  public static void write(ByteBuffer buf, XfrmId id) {
    putAddress(buf, id.destination());
    putBe32(buf, id.spi());
    buf.put((byte) id.proto().number());
    pad(buf, 3);
  }

  /** The family is not in the struct: it comes from the enclosing one. */
  public static XfrmId read(ByteBuffer buf, AddressFamily family) {
    Structs.require(buf, SIZE, "xfrm_id");
    InetAddress daddr = getAddress(buf, family);
    int spi = getBe32(buf);
    int proto = Byte.toUnsignedInt(buf.get());
    buf.position(buf.position() + 3);
    try {
      return new XfrmId(daddr, spi, XfrmProto.fromNumber(proto));
    } catch (IllegalArgumentException e) {
      throw new NetlinkParseException("xfrm_id: " + e.getMessage());
    }
  }
}
