package io.secureoverlay.agent.xfrm;

/** XFRM_MODE_*: SecureOverlay uses TRANSPORT; the rest exist to read foreign entries. */
public enum XfrmMode {
  TRANSPORT(0),
  TUNNEL(1),
  ROUTEOPTIMIZATION(2),
  IN_TRIGGER(3),
  BEET(4),
  IPTFS(5);

  private final int number;

  XfrmMode(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }

  public static XfrmMode fromNumber(int number) {
    for (XfrmMode m : values()) {
      if (m.number == number) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown XFRM mode " + number);
  }
}
