package io.secureoverlay.ui.overview;

import io.secureoverlay.protocol.SecureOverlayNode;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.protocol.Transition;
import io.secureoverlay.protocol.TransitionKind;
import io.secureoverlay.ui.cluster.ClusterSnapshot;
import io.secureoverlay.ui.cluster.PlanMembers;
import io.secureoverlay.ui.cluster.TransitionPhases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a running transition stands: its steps (done, current, still to come) and how many of the
 * nodes the master waits for have acknowledged the plan revision of the current step.
 *
 * @param kind enable, rotate or disable
 * @param steps every step of the kind with its state
 * @param currentLabel the current step as the operator reads it
 * @param acknowledged live nodes whose {@code observedPlanRevision} has reached {@code
 *     status.ackRevision}
 * @param live the nodes the master waits for
 * @param startedAt when the transition began (master's clock)
 */
public record TransitionProgress(
    TransitionKind kind,
    List<StepProgress> steps,
    String currentLabel,
    int acknowledged,
    int live,
    Instant startedAt) {

  /** A step's state in the stepper. */
  public enum StepState {
    DONE,
    CURRENT,
    PENDING
  }

  /** One step of the stepper. */
  public record StepProgress(TransitionPhases.Step step, StepState state) {}

  public TransitionProgress {
    steps = List.copyOf(steps);
  }

  /** The progress of the transition under way, or empty when the master runs none. */
  public static Optional<TransitionProgress> of(ClusterSnapshot snapshot) {
    Optional<SecureOverlayStatus> status = snapshot.status();
    Transition t = status.map(SecureOverlayStatus::getTransition).orElse(null);
    if (t == null || t.kind() == null) {
      return Optional.empty();
    }
    List<TransitionPhases.Step> all = TransitionPhases.of(t.kind());
    int current = indexOf(all, t.step());
    List<StepProgress> steps = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      StepState state =
          current < 0 || i > current
              ? StepState.PENDING
              : i == current ? StepState.CURRENT : StepState.DONE;
      steps.add(new StepProgress(all.get(i), state));
    }
    Long ackRevision = status.get().getAckRevision();
    long target =
        ackRevision != null
            ? ackRevision
            : Optional.ofNullable(status.get().getPlanRevision()).orElse(0L);
    List<String> live = PlanMembers.live(snapshot);
    int acknowledged =
        (int) live.stream().filter(name -> observed(snapshot, name) >= target).count();
    return Optional.of(
        new TransitionProgress(
            t.kind(),
            steps,
            TransitionPhases.label(t.kind(), t.step()),
            acknowledged,
            live.size(),
            t.startedAt()));
  }

  /** "5 / 6 nodes acknowledged step Encrypt". */
  public String acknowledgementText() {
    return acknowledged + " / " + live + " nodes acknowledged step " + currentLabel;
  }

  /** The acknowledged share, 0 to 1 (1 when the master waits for nobody). */
  public double acknowledgedShare() {
    return live == 0 ? 1.0 : (double) acknowledged / live;
  }

  private static int indexOf(List<TransitionPhases.Step> steps, String name) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static long observed(ClusterSnapshot snapshot, String name) {
    return snapshot
        .node(name)
        .map(SecureOverlayNode::getStatus)
        .map(SecureOverlayNodeStatus::getObservedPlanRevision)
        .orElse(-1L);
  }
}
