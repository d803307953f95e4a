package io.secureoverlay.agent.xfrm.wire;

import java.nio.ByteBuffer;

/**
 * XFRMA_REPLAY_VAL's value, the replay state of an SA without ESN attribute.
 *
 * <pre>
 * struct xfrm_replay_state {
 *     __u32 oseq;    // 0, last sequence number sent
 *     __u32 seq;     // 4, highest sequence number received
 *     __u32 bitmap;  // 8, replay window bitmap
 * };                 // 12 bytes
 * </pre>
 */
public record StructXfrmReplayState(int oseq, int seq, int bitmap) {

  public static final int SIZE = 12;

  public void writeTo(ByteBuffer buf) {
    buf.putInt(oseq);
    buf.putInt(seq);
    buf.putInt(bitmap);
  }

  public static StructXfrmReplayState readFrom(ByteBuffer buf) {
    Structs.require(buf, SIZE, "xfrm_replay_state");
    return new StructXfrmReplayState(buf.getInt(), buf.getInt(), buf.getInt());
  }
}
