package io.secureoverlay.agent.xfrm.wire;

import static io.secureoverlay.agent.xfrm.wire.NetworkOrder.pad;

import io.secureoverlay.agent.xfrm.XfrmSelector;
import java.nio.ByteBuffer;

/**
 * The fixed payload of XFRM_MSG_GETPOLICY and XFRM_MSG_DELPOLICY: a policy by index, or (index 0)
 * by selector and direction.
 *
 * <pre>
 * struct xfrm_userpolicy_id {
 *     struct xfrm_selector  sel;    //  0, 56 bytes
 *     __u32                 index;  // 56
 *     __u8                  dir;    // 60, then 3 bytes padding
 * };                                // 64 bytes
 * </pre>
 */
public record StructXfrmUserpolicyId(XfrmSelector sel, int index, int dir) {

  public static final int SIZE = 64;

  public void writeTo(ByteBuffer buf) {
    StructXfrmSelector.write(buf, sel);
    buf.putInt(index);
    buf.put((byte) dir);
    pad(buf, 3);
  }
}
