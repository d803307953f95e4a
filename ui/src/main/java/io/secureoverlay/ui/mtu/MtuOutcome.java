package io.secureoverlay.ui.mtu;

import io.secureoverlay.mtu.MtuResult;

/** The answer to one set of {@link MtuInputs}: figures, or why the input was refused. */
public sealed interface MtuOutcome {

  /** The calculator's figures. */
  record Calculated(MtuResult result) implements MtuOutcome {}

  /**
   * The input was refused; nothing was calculated.
   *
   * @param fieldMessage a sentence for the external-MTU field, e.g. "500 is below the IPv4 minimum
   *     of 576"
   */
  record Rejected(String fieldMessage) implements MtuOutcome {}
}
