package io.secureoverlay.ui.overview;

/**
 * Whether the tunnel MTU the nodes run with fits the underlay once ESP is added.
 *
 * @param state the verdict
 * @param text one or two sentences for the operator, with the figures
 */
public record MtuFit(State state, String text) {

  /** The verdict. */
  public enum State {
    /** Every inner packet up to the tunnel MTU fits the underlay after ESP. */
    FITS,
    /** Inner packets above the limit fragment or are dropped. */
    FRAGMENTS,
    /** The agents have not reported enough to tell. */
    UNKNOWN
  }
}
