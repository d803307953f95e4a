package io.secureoverlay.ui.keys;

import io.secureoverlay.ui.cluster.ClusterSnapshot;
import io.secureoverlay.ui.cluster.ClusterState;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The key rotations this console has seen, newest first: every rotation it watched from the live
 * status since it started (with per-node acknowledgement times, see {@link RotationTracker}), plus
 * earlier ones rebuilt from the master's Events while the API server still keeps them. Held in
 * memory only, at most {@link #KEPT} rotations.
 */
@Service
public class RotationHistory {

  /** Most rotations kept; older ones are dropped first. */
  public static final int KEPT = 100;

  private static final Logger LOG = LoggerFactory.getLogger(RotationHistory.class);

  private final Instant since;
  private final RotationTracker tracker = new RotationTracker();
  private final Deque<RotationRecord> watched = new ArrayDeque<>();
  private volatile ClusterState.Subscription subscription = () -> {};
  private volatile List<RotationRecord> rotations = List.of();

  @Autowired
  public RotationHistory(ClusterState state, Clock clock) {
    this(clock.instant());
    observe(state.current());
    this.subscription = state.subscribe(this::observe);
  }

  /** A history fed by hand, for tests. */
  RotationHistory(Instant since) {
    this.since = since;
  }

  /** When this console began watching: rotations since then have per-node times. */
  public Instant since() {
    return since;
  }

  /** Known rotations, newest first, at most {@link #KEPT}. */
  public List<RotationRecord> rotations() {
    return rotations;
  }

  /** The newest completed rotation, if any. */
  public Optional<RotationRecord> lastCompleted() {
    return rotations.stream().filter(RotationRecord::completed).findFirst();
  }

  /** Takes the next snapshot, in order. */
  synchronized void observe(ClusterSnapshot snapshot) {
    tracker
        .observe(snapshot)
        .ifPresent(
            rotation -> {
              watched.addFirst(rotation);
              while (watched.size() > KEPT) {
                watched.removeLast();
              }
              LOG.info(
                  "event=rotation_observed from_epoch={} to_epoch={} outcome={} duration_ms={}"
                      + " nodes={} lagging={}",
                  rotation.fromEpoch(),
                  rotation.toEpoch(),
                  rotation.outcome(),
                  rotation.duration().toMillis(),
                  rotation.nodes(),
                  rotation.lagging().size());
            });
    rotations = merge(watched, RotationEvents.reconstruct(snapshot.events()));
  }

  private static List<RotationRecord> merge(
      Deque<RotationRecord> watched, List<RotationRecord> fromEvents) {
    Set<Long> seen = new HashSet<>();
    List<RotationRecord> all = new ArrayList<>(watched);
    watched.forEach(r -> seen.add(r.toEpoch()));
    fromEvents.stream().filter(r -> !seen.contains(r.toEpoch())).forEach(all::add);
    all.sort(Comparator.comparing(RotationRecord::startedAt).reversed());
    return List.copyOf(all.subList(0, Math.min(KEPT, all.size())));
  }

  @PreDestroy
  void stop() {
    subscription.cancel();
  }
}
