package io.secureoverlay.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The transition in progress, persisted so that a restarted master resumes at the same step.
 *
 * @param step the master's name for the current step, e.g. {@code InstallInbound}
 * @param startedAt when the transition began
 * @param stepStartedAt when the current step began; acknowledgement timeouts count from here
 * @param fromEpoch the epoch being left, or {@code null} when enabling
 * @param toEpoch the epoch being introduced, or {@code null} when disabling
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Transition(
    TransitionKind kind,
    String step,
    Instant startedAt,
    Instant stepStartedAt,
    Long fromEpoch,
    Long toEpoch) {}
