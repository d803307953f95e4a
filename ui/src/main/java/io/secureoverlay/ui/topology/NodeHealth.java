package io.secureoverlay.ui.topology;

/**
 * How one node's agent is doing, worst first. A node gets the worst state any rule gives it; the
 * reasons (in {@link HealthVerdict}) say which rules fired.
 */
public enum NodeHealth {
  /** Listed in the plan, but no SecureOverlayNode report exists: the agent never reported. */
  MISSING("Missing: no report from its agent", 0x5b6877),
  /** Ready condition False, an error reported, or no heartbeat for too long. */
  UNHEALTHY("Unhealthy", 0xc62828),
  /** The master marked it lagging: it did not acknowledge the plan in time. */
  LAGGING("Lagging behind the plan", 0xe59a1a),
  /** Reporting, in step with the plan, no error. */
  HEALTHY("Healthy", 0x2e8b57);

  private final String label;
  private final int rgb;

  NodeHealth(String label, int rgb) {
    this.label = label;
    this.rgb = rgb;
  }

  public String label() {
    return label;
  }

  /** 0xRRGGBB. */
  public int rgb() {
    return rgb;
  }

  /** #rrggbb, for SVG and CSS. */
  public String cssColour() {
    return String.format("#%06x", rgb);
  }
}
