package io.secureoverlay.agent.xfrm;

/**
 * How SecureOverlay recognises its own XFRM entries: every SA it installs and every template of
 * every policy it installs carries a reqid in {@code 0x5EC0_0000 | slot} (slot 0..0xFFFF, the
 * reconciler's choice). Everything else on the node — other IPsec daemons, an operator's manual
 * entries — is foreign: never returned as owned, never changed, and nothing here ever flushes.
 *
 * <p>Why reqid and not a mark: an XFRM mark restricts which packets match, so marking our SAs and
 * policies would stop unmarked pod traffic from using them; reqid is pure bookkeeping. SPIs are not
 * used as the sign either: they are chosen for uniqueness per receiving node ({@code
 * io.secureoverlay.spi.SpiAllocator}), and a foreign SA could hold any value.
 */
public final class XfrmOwnership {

  /** High 16 bits of every owned reqid: "SEC0". */
  public static final int REQID_PREFIX = 0x5EC0_0000;

  public static final int REQID_PREFIX_MASK = 0xFFFF_0000;

  public static final int MAX_SLOT = 0xFFFF;

  private XfrmOwnership() {}

  /** The owned reqid of {@code slot}. */
  public static int reqid(int slot) {
    if (slot < 0 || slot > MAX_SLOT) {
      throw new IllegalArgumentException("reqid slot must be in 0..65535, got " + slot);
    }
    return REQID_PREFIX | slot;
  }

  public static boolean isOwnedReqid(int reqid) {
    return (reqid & REQID_PREFIX_MASK) == REQID_PREFIX;
  }

  /** The slot of an owned reqid. */
  public static int slotOf(int reqid) {
    if (!isOwnedReqid(reqid)) {
      throw new IllegalArgumentException(
          "reqid 0x" + Integer.toHexString(reqid) + " is not a SecureOverlay reqid");
    }
    return reqid & MAX_SLOT;
  }

  public static boolean owns(XfrmStateEntry state) {
    return isOwnedReqid(state.reqid());
  }

  /** A policy is ours when it has templates and every one carries an owned reqid. */
  public static boolean owns(XfrmPolicy policy) {
    return !policy.templates().isEmpty()
        && policy.templates().stream().allMatch(t -> isOwnedReqid(t.reqid()));
  }

  public static boolean owns(XfrmPolicyEntry policy) {
    return owns(policy.policy());
  }
}
