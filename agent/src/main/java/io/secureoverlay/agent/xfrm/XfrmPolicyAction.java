package io.secureoverlay.agent.xfrm;

/** XFRM_POLICY_ALLOW / BLOCK. */
public enum XfrmPolicyAction {
  ALLOW(0),
  BLOCK(1);

  private final int number;

  XfrmPolicyAction(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }

  public static XfrmPolicyAction fromNumber(int number) {
    for (XfrmPolicyAction a : values()) {
      if (a.number == number) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown XFRM policy action " + number);
  }
}
