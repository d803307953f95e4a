package io.secureoverlay.ui.topology;

/**
 * What travels between two nodes, judged from both nodes' reports. The colours are the ones the
 * topology graph, the pair matrix and the legend share, so an operator reads them the same way in
 * every picture.
 */
public enum PairState {
  /** Each node sends ESP to the other, and each holds the inbound SA for the other's epoch. */
  ENCRYPTED_BOTH_WAYS("Encrypted both ways", "encrypted both ways", 0x2e8b57),
  /** One direction is ESP, the other plaintext: nothing is lost, but half the traffic is clear. */
  ONE_WAY("Encrypted one way only", "encrypted one way only", 0xe59a1a),
  /** Neither node encrypts toward the other, and neither refuses the other's plaintext. */
  PLAINTEXT("Plaintext both ways", "plaintext", 0xa3adb8),
  /**
   * Packets are dropped in at least one direction: a node sends ESP with an epoch the receiver has
   * no inbound SA for, or the receiver requires ESP from a sender that sends plaintext.
   */
  BROKEN("Broken: packets dropped", "broken", 0xc62828);

  private final String label;
  private final String countNoun;
  private final int rgb;

  PairState(String label, String countNoun, int rgb) {
    this.label = label;
    this.countNoun = countNoun;
    this.rgb = rgb;
  }

  /** How the legend names it. */
  public String label() {
    return label;
  }

  /** How the pair counts name it: "12 pairs encrypted both ways". */
  public String countNoun() {
    return countNoun;
  }

  /** 0xRRGGBB, for the PNG pair matrix. */
  public int rgb() {
    return rgb;
  }

  /** #rrggbb, for SVG and CSS. */
  public String cssColour() {
    return String.format("#%06x", rgb);
  }
}
