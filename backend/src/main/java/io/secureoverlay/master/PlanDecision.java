package io.secureoverlay.master;

import io.secureoverlay.protocol.SecureOverlayStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one planning round decided. The runtime applies it in this order: {@link #keyChanges()} to
 * the keys Secret, then {@link #status()} (if {@link #statusChanged()}), then {@link #events()}.
 * Creating an epoch never shares a round with the plan that uses it: the plan refers to an epoch
 * only once a later round has seen it in the Secret.
 *
 * @param status the full status to write
 * @param statusChanged whether {@code status} differs from the input's
 * @param planChanged whether the plan itself (what agents act on) changed: a new planRevision
 * @param wakeAt when a round should run even if nothing else happens (a grace period ends, a node
 *     may become lagging, a rotation is due)
 */
public record PlanDecision(
    SecureOverlayStatus status,
    boolean statusChanged,
    boolean planChanged,
    List<KeyChange> keyChanges,
    List<PlanEvent> events,
    Optional<Instant> wakeAt) {

  public PlanDecision {
    keyChanges = List.copyOf(keyChanges);
    events = List.copyOf(events);
  }

  /** This decision with a wake-up no later than {@code at}. */
  public PlanDecision wakingNoLaterThan(Instant at) {
    Instant wake = wakeAt.filter(w -> w.isBefore(at)).orElse(at);
    return new PlanDecision(
        status, statusChanged, planChanged, keyChanges, events, Optional.of(wake));
  }

  /** True when a round right after this one has something to do (a key change to build on). */
  public boolean wantsImmediateFollowUp() {
    return !keyChanges.isEmpty();
  }
}
