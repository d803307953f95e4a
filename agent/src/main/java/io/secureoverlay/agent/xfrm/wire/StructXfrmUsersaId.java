package io.secureoverlay.agent.xfrm.wire;

import static io.secureoverlay.agent.xfrm.wire.NetworkOrder.pad;
import static io.secureoverlay.agent.xfrm.wire.NetworkOrder.putAddress;
import static io.secureoverlay.agent.xfrm.wire.NetworkOrder.putBe32;

import io.secureoverlay.agent.xfrm.XfrmId;
import java.nio.ByteBuffer;

/**
 * The fixed payload of XFRM_MSG_GETSA and XFRM_MSG_DELSA.
 *
 * <pre>
 * struct xfrm_usersa_id {
 *     xfrm_address_t  daddr;   //  0, 16 bytes, big-endian
 *     __be32          spi;     // 16
 *     __u16           family;  // 20
 *     __u8            proto;   // 22, then 1 byte padding
 * };                           // 24 bytes
 * </pre>
 */
public record StructXfrmUsersaId(XfrmId id) {

  public static final int SIZE = 24;

  public void writeTo(ByteBuffer buf) {
    putAddress(buf, id.destination());
    putBe32(buf, id.spi());
    buf.putShort((short) id.family().number());
    buf.put((byte) id.proto().number());
    pad(buf, 1);
  }
}
