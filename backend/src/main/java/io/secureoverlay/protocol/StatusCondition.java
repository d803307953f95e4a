package io.secureoverlay.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One entry of a status's {@code conditions} list, following Kubernetes conventions: {@code reason}
 * is a stable CamelCase word for programs, {@code message} is for people, {@code
 * lastTransitionTime} changes only when {@code status} changes (see {@link Conditions#put}).
 *
 * @param type {@link #READY}, {@link #PROGRESSING} or {@link #DEGRADED}
 * @param observedGeneration the {@code metadata.generation} this condition was computed from
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatusCondition(
    String type,
    ConditionStatus status,
    String reason,
    String message,
    Instant lastTransitionTime,
    Long observedGeneration) {

  /**
   * Every node encrypts as the spec asks (overlay), or the agent is in sync with the plan (node).
   */
  public static final String READY = "Ready";

  /** A transition (enable, rotate, disable) is under way. */
  public static final String PROGRESSING = "Progressing";

  /** Something needs an operator: an invalid spec, lagging nodes, kernel errors. */
  public static final String DEGRADED = "Degraded";

  @JsonIgnore
  public boolean isTrue() {
    return status == ConditionStatus.TRUE;
  }
}
