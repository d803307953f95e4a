package io.secureoverlay.sandbox;

import io.secureoverlay.agent.kube.AgentProgress;
import io.secureoverlay.protocol.Conditions;
import io.secureoverlay.protocol.DurationParser;
import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.protocol.StatusCondition;
import io.secureoverlay.protocol.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * When a sandbox has settled: the plan has no transition under way, its phase is what the spec asks
 * for, its Ready condition is true, and every running agent has applied the current plan revision
 * without failure. Checking also does the sandbox's housekeeping: it stops the agents of removed
 * nodes once the plan no longer lists them, and (when the options say so) moves the clock over a
 * rotation's retire grace period.
 */
public final class Convergence {

  /** The master's name for the step that waits out {@code spec.retireGracePeriod}. */
  static final String RETIRE_GRACE_STEP = "RetireGrace";

  private final SandboxCluster cluster;
  private Instant graceSkippedFor;

  Convergence(SandboxCluster cluster) {
    this.cluster = cluster;
  }

  /** One check; false when the API server cannot be read. */
  public synchronized boolean converged() {
    return missing().isEmpty();
  }

  /** What is still missing, in words; empty once converged. */
  public synchronized List<String> missing() {
    return missing(false);
  }

  /**
   * @param firstOnly stop at the first thing missing: polling only needs to know whether anything
   *     is, and the per-agent scan is the costly part at a thousand nodes
   */
  private List<String> missing(boolean firstOnly) {
    if (!cluster.apiReachable()) {
      return List.of("API server unreachable");
    }
    SecureOverlay overlay = cluster.watchedOverlay().orElse(null);
    List<String> missing = new ArrayList<>();
    SecureOverlayStatus status = overlay == null ? null : overlay.getStatus();
    if (status == null || status.getPlanRevision() == null) {
      return List.of("no plan published");
    }
    fastForwardGrace(overlay);
    retireRemoved(status);
    long generation = cluster.specGeneration();
    Long seen = overlay.getMetadata().getGeneration();
    Long observed = status.getObservedGeneration();
    if (seen == null || seen < generation || observed == null || !observed.equals(seen)) {
      missing.add("the master has not acted on spec generation " + generation + " yet");
    }
    String token = overlay.getSpec().getRotateNowToken();
    if (token != null && !token.equals(status.getHandledRotateNowToken())) {
      missing.add("rotateNowToken " + token + " not handled yet");
    }
    boolean enabled = Boolean.TRUE.equals(overlay.getSpec().getEnabled());
    OverlayPhase wanted = enabled ? OverlayPhase.ENABLED : OverlayPhase.DISABLED;
    if (status.getPhase() != wanted) {
      missing.add("phase " + status.getPhase() + ", want " + wanted);
    }
    Transition t = status.getTransition();
    if (t != null) {
      missing.add("transition " + t.kind() + " at step " + t.step());
    }
    boolean ready =
        Conditions.find(status.getConditions(), StatusCondition.READY)
            .map(StatusCondition::isTrue)
            .orElse(false);
    if (!ready) {
      missing.add("Ready is not True");
    }
    if (!cluster.leaving().isEmpty()) {
      missing.add("nodes still leaving: " + cluster.leaving().keySet());
    }
    if (firstOnly && !missing.isEmpty()) {
      return missing;
    }
    long revision = status.getPlanRevision();
    List<String> behind = new ArrayList<>();
    for (Map.Entry<String, SandboxAgent> e : cluster.agents().entrySet()) {
      Optional<AgentProgress> p = e.getValue().progress();
      boolean inSync =
          p.isPresent()
              && p.get().inSync()
              && p.get().appliedRevision().isPresent()
              && p.get().appliedRevision().getAsLong() == revision;
      if (!inSync) {
        behind.add(e.getKey());
        if (firstOnly) {
          break;
        }
      }
    }
    if (!behind.isEmpty()) {
      missing.add(
          behind.size()
              + " agents not at plan revision "
              + revision
              + " (e.g. "
              + behind.stream().sorted().limit(5).collect(Collectors.joining(", "))
              + ")");
    }
    return missing;
  }

  /** Polls until converged; throws naming what is still missing. */
  public void await(Duration timeout) throws TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!pollOnce()) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("not converged after " + timeout + ": " + missing());
      }
      LockSupport.parkNanos(Duration.ofMillis(25).toNanos());
    }
  }

  private synchronized boolean pollOnce() {
    return missing(true).isEmpty();
  }

  private void fastForwardGrace(SecureOverlay overlay) {
    Transition t = overlay.getStatus().getTransition();
    if (!cluster.options().fastForwardGrace()
        || t == null
        || !RETIRE_GRACE_STEP.equals(t.step())
        || t.stepStartedAt() == null
        || t.stepStartedAt().equals(graceSkippedFor)) {
      return;
    }
    Duration grace = DurationParser.parse(overlay.getSpec().getRetireGracePeriod());
    cluster.clock().advance(grace);
    graceSkippedFor = t.stepStartedAt();
  }

  private void retireRemoved(SecureOverlayStatus status) {
    Set<String> listed =
        status.getNodes().stream()
            .filter(r -> r.effectiveState().isListed())
            .map(IndexedNode::name)
            .collect(Collectors.toSet());
    for (String name : List.copyOf(cluster.leaving().keySet())) {
      SandboxAgent agent = cluster.leaving().get(name);
      // Its agent must have seen the plan without it, and removed its own state.
      if (!listed.contains(name)
          && agent.dataplane().dumpSas().isEmpty()
          && agent.dataplane().dumpPolicies().isEmpty()) {
        cluster.retire(name);
      }
    }
  }
}
