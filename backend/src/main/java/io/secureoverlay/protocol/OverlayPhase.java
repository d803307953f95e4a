package io.secureoverlay.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where the cluster as a whole stands, as the master publishes it in {@code status.phase}. */
public enum OverlayPhase {
  /** No epoch installed anywhere; pod traffic is plain IPIP. */
  @JsonProperty("Disabled")
  DISABLED,
  /** An enable transition is under way. */
  @JsonProperty("Enabling")
  ENABLING,
  /** Every live node encrypts with the current epoch. */
  @JsonProperty("Enabled")
  ENABLED,
  /** A key rotation is under way. */
  @JsonProperty("Rotating")
  ROTATING,
  /** A disable transition is under way. */
  @JsonProperty("Disabling")
  DISABLING,
  /** The master cannot make progress: invalid spec, missing keys; see the Degraded condition. */
  @JsonProperty("Degraded")
  DEGRADED
}
