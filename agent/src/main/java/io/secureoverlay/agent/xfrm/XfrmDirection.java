package io.secureoverlay.agent.xfrm;

/** XFRM_POLICY_IN / OUT / FWD. */
public enum XfrmDirection {
  IN(0),
  OUT(1),
  FWD(2);

  private final int number;

  XfrmDirection(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }

  public static XfrmDirection fromNumber(int number) {
    for (XfrmDirection d : values()) {
      if (d.number == number) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown XFRM policy direction " + number);
  }
}
