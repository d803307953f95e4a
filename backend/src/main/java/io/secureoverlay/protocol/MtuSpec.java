package io.secureoverlay.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * How the tunnel MTU is chosen. At most one of the two may be set: a fixed {@code tunnelMtu} for
 * every node, or {@code autoDetect}, where each node computes the largest tunnel MTU its own
 * interface MTU allows once ESP is added. With neither, SecureOverlay only reports MTUs.
 *
 * @param tunnelMtu fixed tunnel MTU in bytes, or {@code null}
 * @param autoDetect whether each node computes its tunnel MTU from its interface MTU
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MtuSpec(
    @JsonPropertyDescription(
            "Fixed tunnel MTU in bytes for every node (576-9000). Leave unset to auto-detect or"
                + " to leave MTUs alone.")
        Integer tunnelMtu,
    @JsonPropertyDescription(
            "Each node computes the largest tunnel MTU its interface MTU allows with ESP added."
                + " Not together with tunnelMtu.")
        Boolean autoDetect) {

  /** No MTU management: agents only report what they see. */
  public static MtuSpec reportOnly() {
    return new MtuSpec(null, false);
  }

  public boolean autoDetectEnabled() {
    return Boolean.TRUE.equals(autoDetect);
  }
}
