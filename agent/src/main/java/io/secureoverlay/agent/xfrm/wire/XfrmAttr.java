package io.secureoverlay.agent.xfrm.wire;

/** XFRM netlink attribute types ({@code enum xfrm_attr_type_t}), in the kernel's spelling. */
public final class XfrmAttr {

  private XfrmAttr() {}

  public static final int XFRMA_ALG_AUTH = 1;
  public static final int XFRMA_ALG_CRYPT = 2;
  public static final int XFRMA_ALG_COMP = 3;
  public static final int XFRMA_ENCAP = 4;
  public static final int XFRMA_TMPL = 5;
  public static final int XFRMA_SA = 6;
  public static final int XFRMA_POLICY = 7;
  public static final int XFRMA_SEC_CTX = 8;
  public static final int XFRMA_LTIME_VAL = 9;
  public static final int XFRMA_REPLAY_VAL = 10;
  public static final int XFRMA_REPLAY_THRESH = 11;
  public static final int XFRMA_ETIMER_THRESH = 12;
  public static final int XFRMA_SRCADDR = 13;
  public static final int XFRMA_COADDR = 14;
  public static final int XFRMA_LASTUSED = 15;
  public static final int XFRMA_POLICY_TYPE = 16;
  public static final int XFRMA_MIGRATE = 17;
  public static final int XFRMA_ALG_AEAD = 18;
  public static final int XFRMA_KMADDRESS = 19;
  public static final int XFRMA_ALG_AUTH_TRUNC = 20;
  public static final int XFRMA_MARK = 21;
  public static final int XFRMA_TFCPAD = 22;
  public static final int XFRMA_REPLAY_ESN_VAL = 23;
  public static final int XFRMA_SA_EXTRA_FLAGS = 24;
  public static final int XFRMA_PROTO = 25;
  public static final int XFRMA_ADDRESS_FILTER = 26;
  public static final int XFRMA_PAD = 27;
  public static final int XFRMA_OFFLOAD_DEV = 28;
  public static final int XFRMA_SET_MARK = 29;
  public static final int XFRMA_SET_MARK_MASK = 30;
  public static final int XFRMA_IF_ID = 31;

  /**
   * Attributes whose value may be shown in a diagnostic: addresses, marks, counters, templates.
   * Everything else — the algorithm attributes that hold keys, security contexts, and any type
   * added by a later kernel — is withheld: an allow-list, so nothing new can leak by default.
   */
  public static boolean isShowable(int type) {
    return switch (type) {
      case XFRMA_ENCAP,
          XFRMA_TMPL,
          XFRMA_LTIME_VAL,
          XFRMA_REPLAY_VAL,
          XFRMA_REPLAY_THRESH,
          XFRMA_ETIMER_THRESH,
          XFRMA_SRCADDR,
          XFRMA_COADDR,
          XFRMA_LASTUSED,
          XFRMA_POLICY_TYPE,
          XFRMA_MARK,
          XFRMA_TFCPAD,
          XFRMA_REPLAY_ESN_VAL,
          XFRMA_SA_EXTRA_FLAGS,
          XFRMA_PROTO,
          XFRMA_PAD,
          XFRMA_SET_MARK,
          XFRMA_SET_MARK_MASK,
          XFRMA_IF_ID ->
          true;
      default -> false;
    };
  }
}
