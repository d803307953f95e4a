package io.secureoverlay.ui.keys;

import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.SecureOverlayNode;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.protocol.Transition;
import io.secureoverlay.protocol.TransitionKind;
import io.secureoverlay.ui.cluster.ClusterSnapshot;
import io.secureoverlay.ui.cluster.PlanMembers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Follows key rotations through a sequence of snapshots and reports each one when it ends. Not
 * thread-safe: one caller feeds it, in snapshot order.
 *
 * <p>A rotation is the time the plan carries a {@code Rotate} transition to one epoch. Its start
 * and end are the master's own times ({@code transition.startedAt}, {@code lastRotationAt}). A
 * node's acknowledgement time is measured on the console's clock: from the first snapshot that
 * showed the rotation to the first that showed the node's {@code observedPlanRevision} at or above
 * R, where R is {@code status.ackRevision} in the snapshot that showed the rotation ended, i.e. the
 * revision the master required of its last acknowledged step before it could end it. Acks are only
 * measured for rotations the console saw begin.
 */
public final class RotationTracker {

  private boolean sawStatus;
  private Watch current;

  /** Takes the next snapshot; returns the rotation that it shows has ended, if any. */
  public Optional<RotationRecord> observe(ClusterSnapshot snapshot) {
    Optional<SecureOverlayStatus> maybeStatus = snapshot.status();
    if (maybeStatus.isEmpty()) {
      return Optional.empty();
    }
    SecureOverlayStatus status = maybeStatus.get();
    Transition t = status.getTransition();
    Optional<RotationRecord> ended = Optional.empty();
    if (current != null) {
      if (isRotation(t) && t.toEpoch() == current.toEpoch) {
        current.see(snapshot, status);
        sawStatus = true;
        return Optional.empty();
      }
      ended = Optional.of(current.end(snapshot, status));
      current = null;
    }
    if (isRotation(t) && t.toEpoch() != null && t.startedAt() != null) {
      current = new Watch(t, snapshot.takenAt(), sawStatus);
      current.see(snapshot, status);
    }
    sawStatus = true;
    return ended;
  }

  /** The rotation under way, as far as seen: its start and target epoch. */
  public Optional<Transition> inProgress() {
    return Optional.ofNullable(current).map(w -> w.transition);
  }

  private static boolean isRotation(Transition t) {
    return t != null && t.kind() == TransitionKind.ROTATE;
  }

  private static final class Watch {
    private final Transition transition;
    private final long toEpoch;
    private final Instant firstSeen;
    private final boolean sawBegin;
    private final TreeSet<String> lagging = new TreeSet<>();
    private final Map<String, TreeMap<Long, Instant>> revisionsSeen = new HashMap<>();

    Watch(Transition transition, Instant firstSeen, boolean sawBegin) {
      this.transition = transition;
      this.toEpoch = transition.toEpoch();
      this.firstSeen = firstSeen;
      this.sawBegin = sawBegin;
    }

    void see(ClusterSnapshot snapshot, SecureOverlayStatus status) {
      if (status.getLagging() != null) {
        lagging.addAll(status.getLagging());
      }
      seeNodes(snapshot);
    }

    private void seeNodes(ClusterSnapshot snapshot) {
      for (SecureOverlayNode node : snapshot.nodes()) {
        SecureOverlayNodeStatus report = node.getStatus();
        if (report == null || report.getObservedPlanRevision() == null) {
          continue;
        }
        revisionsSeen
            .computeIfAbsent(node.getMetadata().getName(), name -> new TreeMap<>())
            .putIfAbsent(report.getObservedPlanRevision(), snapshot.takenAt());
      }
    }

    RotationRecord end(ClusterSnapshot snapshot, SecureOverlayStatus status) {
      seeNodes(snapshot);
      Instant lastRotation = status.getLastRotationAt();
      boolean completed = lastRotation != null && !lastRotation.isBefore(transition.startedAt());
      Instant endedAt =
          completed
              ? lastRotation
              : transition.startedAt().plus(Duration.between(firstSeen, snapshot.takenAt()));
      List<String> listed = PlanMembers.listed(status).stream().map(IndexedNode::name).toList();
      List<NodeAck> acks = new ArrayList<>();
      TreeSet<String> notInStep = new TreeSet<>(lagging);
      if (completed) {
        long required = status.getAckRevision() == null ? 0 : status.getAckRevision();
        for (String name : listed) {
          Optional<Instant> ackSeen = firstSeenAtOrAbove(name, required);
          if (ackSeen.isEmpty()) {
            notInStep.add(name);
          } else if (sawBegin) {
            acks.add(new NodeAck(name, nonNegative(Duration.between(firstSeen, ackSeen.get()))));
          }
        }
      }
      acks.sort(Comparator.comparing(NodeAck::after).thenComparing(NodeAck::node));
      return new RotationRecord(
          transition.fromEpoch(),
          toEpoch,
          transition.startedAt(),
          endedAt,
          listed.size(),
          List.copyOf(notInStep),
          acks,
          completed ? RotationRecord.Outcome.COMPLETED : RotationRecord.Outcome.INTERRUPTED,
          RotationRecord.Source.WATCHED);
    }

    private Optional<Instant> firstSeenAtOrAbove(String node, long revision) {
      TreeMap<Long, Instant> seen = revisionsSeen.get(node);
      if (seen == null) {
        return Optional.empty();
      }
      return seen.tailMap(revision, true).entrySet().stream()
          .map(Entry::getValue)
          .min(Comparator.naturalOrder());
    }

    private static Duration nonNegative(Duration d) {
      return d.isNegative() ? Duration.ZERO : d;
    }
  }
}
