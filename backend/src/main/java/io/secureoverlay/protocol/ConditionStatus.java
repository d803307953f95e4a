package io.secureoverlay.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A condition's status, spelled as Kubernetes conventions spell it. */
public enum ConditionStatus {
  @JsonProperty("True")
  TRUE,
  @JsonProperty("False")
  FALSE,
  @JsonProperty("Unknown")
  UNKNOWN
}
