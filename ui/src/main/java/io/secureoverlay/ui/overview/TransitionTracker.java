package io.secureoverlay.ui.overview;

import io.fabric8.kubernetes.api.model.Event;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.protocol.Transition;
import io.secureoverlay.protocol.TransitionKind;
import io.secureoverlay.ui.cluster.ClusterSnapshot;
import io.secureoverlay.ui.cluster.TimeText;
import io.secureoverlay.ui.cluster.TransitionPhases;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * Remembers, for one screen, the transition it watched run, so that when the master ends it the
 * screen can say how it went ("Enabled in 2.3 s"). The end time is the master's own: the {@code
 * lastRotationAt} it stamps when an enable or rotation completes, else the time of its {@code
 * ...Completed} Event, else (neither seen yet) when this screen first saw the transition gone.
 */
public final class TransitionTracker {

  /**
   * A transition this screen watched until it ended.
   *
   * @param kind what ran
   * @param took from its start to its end, by the master's clock where known
   */
  public record Finished(TransitionKind kind, Duration took) {
    /** "Enabled in 2.3 s". */
    public String text() {
      return TransitionPhases.pastTense(kind) + " in " + TimeText.precise(took);
    }
  }

  private Transition running;
  private Transition ended;
  private Instant endSeenAt;

  /** Takes the next snapshot; returns the finished transition to report, if any. */
  public Optional<Finished> update(ClusterSnapshot snapshot) {
    Transition now = snapshot.status().map(SecureOverlayStatus::getTransition).orElse(null);
    if (running != null && (now == null || !sameTransition(running, now))) {
      ended = running;
      endSeenAt = snapshot.takenAt();
    }
    running = now;
    if (now != null || ended == null || ended.startedAt() == null) {
      return Optional.empty();
    }
    Instant end = masterEndTime(snapshot, ended).orElse(endSeenAt);
    Duration took = Duration.between(ended.startedAt(), end);
    return Optional.of(new Finished(ended.kind(), took.isNegative() ? Duration.ZERO : took));
  }

  private static boolean sameTransition(Transition a, Transition b) {
    return a.kind() == b.kind() && Objects.equals(a.startedAt(), b.startedAt());
  }

  private static Optional<Instant> masterEndTime(ClusterSnapshot snapshot, Transition t) {
    if (t.kind() != TransitionKind.DISABLE) {
      Optional<Instant> lastRotation =
          snapshot.status().map(SecureOverlayStatus::getLastRotationAt);
      if (lastRotation.filter(at -> !at.isBefore(t.startedAt())).isPresent()) {
        return lastRotation;
      }
    }
    String reason = completedReason(t.kind());
    return snapshot.events().stream()
        .filter(e -> reason.equals(e.getReason()))
        .map(TransitionTracker::time)
        .flatMap(Optional::stream)
        .filter(at -> !at.isBefore(t.startedAt()))
        .findFirst();
  }

  /** The master's reason for a completed transition, e.g. {@code EnableCompleted}. */
  static String completedReason(TransitionKind kind) {
    return switch (kind) {
      case ENABLE -> "EnableCompleted";
      case ROTATE -> "RotationCompleted";
      case DISABLE -> "DisableCompleted";
    };
  }

  /** An Event's time: its last timestamp, else its creation time. */
  public static Optional<Instant> time(Event event) {
    String text = event.getLastTimestamp();
    if (text == null && event.getMetadata() != null) {
      text = event.getMetadata().getCreationTimestamp();
    }
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
