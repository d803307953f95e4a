package io.secureoverlay.agent.xfrm.wire;

import java.nio.ByteBuffer;

/**
 * XFRMA_REPLAY_ESN_VAL's value: ESN sequence numbers and a replay window wider than 32.
 *
 * <pre>
 * struct xfrm_replay_state_esn {
 *     unsigned int  bmp_len;        //  0, bitmap length in __u32 words
 *     __u32         oseq;           //  4
 *     __u32         seq;            //  8
 *     __u32         oseq_hi;        // 12
 *     __u32         seq_hi;         // 16
 *     __u32         replay_window;  // 20
 *     __u32         bmp[];          // 24, bmp_len words
 * };                                // 24 bytes + bitmap
 * </pre>
 *
 * A new SA is given the header alone (the kernel accepts {@code sizeof(*rs)} and allocates the
 * bitmap itself), which is also what {@code ip xfrm state add ... flag esn} sends.
 */
public record StructXfrmReplayStateEsn(
    int bmpLen, int oseq, int seq, int oseqHi, int seqHi, int replayWindow) {

  /** Size without the bitmap. */
  public static final int SIZE = 24;

  /** The header for a new SA with {@code window}: bitmap words enough for it, counters 0. */
  public static StructXfrmReplayStateEsn forNewState(int window) {
    return new StructXfrmReplayStateEsn((window + 31) / 32, 0, 0, 0, 0, window);
  }

  public void writeTo(ByteBuffer buf) {
    buf.putInt(bmpLen);
    buf.putInt(oseq);
    buf.putInt(seq);
    buf.putInt(oseqHi);
    buf.putInt(seqHi);
    buf.putInt(replayWindow);
  }

  /** Reads the header; the bitmap (if present) is not needed and left unread. */
  public static StructXfrmReplayStateEsn readFrom(ByteBuffer buf) {
    Structs.require(buf, SIZE, "xfrm_replay_state_esn");
    return new StructXfrmReplayStateEsn(
        buf.getInt(), buf.getInt(), buf.getInt(), buf.getInt(), buf.getInt(), buf.getInt());
  }

  public long outboundSeq() {
    return Integer.toUnsignedLong(oseqHi) << 32 | Integer.toUnsignedLong(oseq);
  }

  public long inboundSeq() {
    return Integer.toUnsignedLong(seqHi) << 32 | Integer.toUnsignedLong(seq);
  }
}
