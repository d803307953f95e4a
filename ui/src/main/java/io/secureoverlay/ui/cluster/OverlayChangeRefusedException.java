package io.secureoverlay.ui.cluster;

/**
 * A change the console refused before writing anything: the message says which input is wrong and
 * why, in words an operator can act on (views show it next to the input).
 */
public class OverlayChangeRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public OverlayChangeRefusedException(String message) {
    super(message);
  }
}
