package io.secureoverlay.agent.xfrm.wire;

import io.secureoverlay.agent.xfrm.XfrmMark;
import java.nio.ByteBuffer;

/**
 * Codec of XFRMA_MARK's value (native order).
 *
 * <pre>
 * struct xfrm_mark {
 *     __u32 v;  // 0, value
 *     __u32 m;  // 4, mask
 * };            // 8 bytes
 * </pre>
 */
public final class StructXfrmMark {

  public static final int SIZE = 8;

  private StructXfrmMark() {}

  public static void write(ByteBuffer buf, XfrmMark mark) {
    buf.putInt(mark.value());
    buf.putInt(mark.mask());
  }

  public static XfrmMark read(ByteBuffer buf) {
    Structs.require(buf, SIZE, "xfrm_mark");
    return new XfrmMark(buf.getInt(), buf.getInt());
  }
}
