package io.secureoverlay.agent.xfrm;

/**
 * Anti-replay setup of an SA. Without ESN and with a window of at most 32 packets it travels in
 * {@code xfrm_usersa_info.replay_window}; with ESN (64-bit sequence numbers) or a wider window in
 * an XFRMA_REPLAY_ESN_VAL attribute.
 *
 * @param window replay window in packets (0 = no replay protection, e.g. on an outbound SA)
 * @param esn extended sequence numbers (XFRM_STATE_ESN)
 */
public record XfrmReplayConfig(int window, boolean esn) {

  /** Widest legacy window: a 32-bit bitmap. */
  public static final int LEGACY_MAX_WINDOW = 32;

  /** Widest window the kernel takes (XFRMA_REPLAY_ESN_MAX bits). */
  public static final int MAX_WINDOW = 4096;

  public static final XfrmReplayConfig NONE = new XfrmReplayConfig(0, false);

  public XfrmReplayConfig {
    if (window < 0 || window > MAX_WINDOW) {
      throw new IllegalArgumentException(
          "replay window must be in 0.." + MAX_WINDOW + ", got " + window);
    }
    if (esn && window == 0) {
      throw new IllegalArgumentException("an ESN SA needs a replay window of at least 1");
    }
  }

  /** Whether the window travels in XFRMA_REPLAY_ESN_VAL rather than the fixed struct. */
  public boolean needsEsnAttribute() {
    return esn || window > LEGACY_MAX_WINDOW;
  }
}
