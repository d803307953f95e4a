package io.secureoverlay.ui.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One key rotation as the console knows it.
 *
 * @param fromEpoch the epoch left behind, or {@code null} if the master did not say
 * @param toEpoch the epoch introduced
 * @param startedAt when the master began it ({@code status.transition.startedAt})
 * @param endedAt when it ended: {@code status.lastRotationAt} for a completed rotation
 * @param nodes nodes in the plan when it ended
 * @param lagging nodes the master reported lagging during it, and nodes that had not acknowledged
 *     its end; empty when none, and always empty for {@link Source#EVENTS}
 * @param acks per-node acknowledgement times, fastest first; empty when not measured
 * @param outcome whether it completed or was interrupted (by disabling)
 * @param source whether this console watched it or rebuilt it from the master's Events
 */
public record RotationRecord(
    Long fromEpoch,
    long toEpoch,
    Instant startedAt,
    Instant endedAt,
    int nodes,
    List<String> lagging,
    List<NodeAck> acks,
    Outcome outcome,
    Source source) {

  /** How a rotation ended. */
  public enum Outcome {
    COMPLETED,
    INTERRUPTED
  }

  /** Where the console learnt of it. */
  public enum Source {
    /** This console saw it from start to end in the live status. */
    WATCHED,
    /** Rebuilt from the master's RotationStarted / RotationCompleted Events. */
    EVENTS
  }

  public RotationRecord {
    lagging = List.copyOf(lagging);
    acks = List.copyOf(acks);
  }

  public Duration duration() {
    return Duration.between(startedAt, endedAt);
  }

  public boolean completed() {
    return outcome == Outcome.COMPLETED;
  }

  /** "3 → 4", or "→ 4" when the epoch left behind is unknown. */
  public String epochs() {
    return (fromEpoch == null ? "" : fromEpoch + " ") + "\u2192 " + toEpoch;
  }
}
