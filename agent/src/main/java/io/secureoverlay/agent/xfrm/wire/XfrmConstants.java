package io.secureoverlay.agent.xfrm.wire;

/** Flag values of the XFRM structs ({@code linux/xfrm.h}), in the kernel's spelling. */
public final class XfrmConstants {

  private XfrmConstants() {}

  // xfrm_usersa_info.flags
  public static final int XFRM_STATE_NOECN = 1;
  public static final int XFRM_STATE_DECAP_DSCP = 2;
  public static final int XFRM_STATE_NOPMTUDISC = 4;
  public static final int XFRM_STATE_WILDRECV = 8;
  public static final int XFRM_STATE_ICMP = 16;
  public static final int XFRM_STATE_AF_UNSPEC = 32;
  public static final int XFRM_STATE_ALIGN4 = 64;
  public static final int XFRM_STATE_ESN = 128;

  // XFRMA_SA_EXTRA_FLAGS
  public static final int XFRM_SA_XFLAG_DONT_ENCAP_DSCP = 1;
  public static final int XFRM_SA_XFLAG_OSEQ_MAY_WRAP = 2;

  /** Length of the NUL-padded algorithm name in xfrm_algo*. */
  public static final int XFRM_ALG_NAME_SIZE = 64;
}
