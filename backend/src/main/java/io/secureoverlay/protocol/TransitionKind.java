package io.secureoverlay.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kinds of phased, acknowledged transitions the master drives. */
public enum TransitionKind {
  @JsonProperty("Enable")
  ENABLE,
  @JsonProperty("Rotate")
  ROTATE,
  @JsonProperty("Disable")
  DISABLE
}
