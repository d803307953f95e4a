package io.secureoverlay.mtu;

import java.util.OptionalInt;

/**
 * An external MTU the calculator refuses, or a combination that leaves no usable tunnel MTU.
 * Carries the value and the problem separately so each front end can name its own field (the CLI
 * says {@code --ext-mtu 500 is below ...}, the console labels its input).
 */
public final class InvalidMtuInputException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final Integer extMtu;
  private final String problem;

  /**
   * @param extMtu the offending external MTU, or null when the problem is not one value
   * @param problem a phrase that follows the value, e.g. "is below the IPv4 minimum of 576"
   */
  public InvalidMtuInputException(Integer extMtu, String problem) {
    super(extMtu == null ? problem : "external MTU " + extMtu + " " + problem);
    this.extMtu = extMtu;
    this.problem = problem;
  }

  public OptionalInt extMtu() {
    return extMtu == null ? OptionalInt.empty() : OptionalInt.of(extMtu);
  }

  public String problem() {
    return problem;
  }
}
