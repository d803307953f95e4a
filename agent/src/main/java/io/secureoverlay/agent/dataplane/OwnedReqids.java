package io.secureoverlay.agent.dataplane;

/**
 * The XFRM request ids (reqids) SecureOverlay owns. Ownership is decided by reqid alone: an SA
 * whose reqid, or a policy whose template's reqid, lies in {@code 0x5EC0_0000 .. 0x5EC0_FFFF} is
 * ours; everything else on the node (strongSwan, Libreswan, Cilium, an operator's {@code ip xfrm})
 * is foreign, and a {@link Dataplane} neither reports nor touches it.
 *
 * <p>Why this range: IKE daemons allocate reqids upward from 1 and Cilium uses small fixed reqids,
 * so the top half-word {@code 0x5EC0} ("SEC0") keeps clear of both while leaving the low half-word
 * to encode what the reqid is for:
 *
 * <ul>
 *   <li>{@link #outbound(int)}: {@code 0x5EC0_0000 | epochSlot} on outbound SAs and on the template
 *       of the out policy that uses them. The out policy toward a peer switches from epoch k to k+1
 *       by one atomic policy update that changes only this reqid; the SAs of both epochs coexist.
 *   <li>{@link #INBOUND}: {@code 0x5EC0_FFFF} on every inbound SA and on the template of every in
 *       policy. An in policy's template accepts only SAs with its reqid, so one shared inbound
 *       reqid lets enforcement accept epochs k and k+1 alike while senders switch. The epoch of an
 *       inbound SA is read from its SPI, which encodes (epoch slot, sender index).
 * </ul>
 */
public final class OwnedReqids {

  /** The owned range's fixed upper 16 bits. */
  public static final int BASE = 0x5EC0_0000;

  /** Mask of the fixed part. */
  public static final int MASK = 0xFFFF_0000;

  /** Reqid of every inbound SA and every in-policy template. */
  public static final int INBOUND = BASE | 0xFFFF;

  /** Largest epoch slot an outbound reqid can carry (the low half-word less {@link #INBOUND}). */
  public static final int MAX_EPOCH_SLOT = 0xFFFE;

  private OwnedReqids() {}

  /** The reqid of outbound SAs, and of the out-policy template, for an epoch slot. */
  public static int outbound(int epochSlot) {
    if (epochSlot < 0 || epochSlot > MAX_EPOCH_SLOT) {
      throw new IllegalArgumentException(
          "epoch slot " + epochSlot + " is outside 0.." + MAX_EPOCH_SLOT);
    }
    return BASE | epochSlot;
  }

  public static boolean isOwned(int reqid) {
    return (reqid & MASK) == BASE;
  }

  public static boolean isOutbound(int reqid) {
    return isOwned(reqid) && reqid != INBOUND;
  }

  /** The epoch slot an owned outbound reqid carries. */
  public static int epochSlotOf(int outboundReqid) {
    if (!isOutbound(outboundReqid)) {
      throw new IllegalArgumentException(
          "reqid 0x" + Integer.toHexString(outboundReqid) + " is not an owned outbound reqid");
    }
    return outboundReqid & 0xFFFF;
  }

  /** {@code 0x5ec00001}-style text for logs and messages. */
  public static String format(int reqid) {
    return String.format("0x%08x", reqid);
  }
}
