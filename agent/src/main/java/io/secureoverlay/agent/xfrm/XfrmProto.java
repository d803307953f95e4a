package io.secureoverlay.agent.xfrm;

/** The IPsec protocols the kernel accepts in an {@code xfrm_id} (xfrm_id_proto_valid). */
public enum XfrmProto {
  ESP(50),
  AH(51),
  COMP(108),
  /** IPv6 routing header (Mobile IPv6 route optimisation). */
  ROUTING(43),
  /** IPv6 destination options (Mobile IPv6). */
  DSTOPTS(60),
  /** IPSEC_PROTO_ANY: only in policy templates. */
  ANY(255);

  private final int number;

  XfrmProto(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }

  public static XfrmProto fromNumber(int number) {
    for (XfrmProto p : values()) {
      if (p.number == number) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown XFRM protocol number " + number);
  }
}
