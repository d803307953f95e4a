package io.secureoverlay.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The kinds of phased, acknowledged transitions the master drives. */
public enum TransitionKind {
  @JsonProperty("Enable")
  ENABLE("InstallInbound", "Encrypt", "Enforce"),
  @JsonProperty("Rotate")
  ROTATE("InstallInbound", "SwitchOutbound", "RetireGrace", "RemoveRetired"),
  @JsonProperty("Disable")
  DISABLE("StopEnforcing", "StopEncrypting", "RemoveSas");

  private final List<String> steps;

  TransitionKind(String... steps) {
    this.steps = List.of(steps);
  }

  /**
   * The steps of this kind, in order, under the names the master writes to {@code
   * status.transition.step}: part of the protocol, so that readers of the status (the console,
   * kubectl users) need not know the master's classes.
   */
  public List<String> steps() {
    return steps;
  }
}
