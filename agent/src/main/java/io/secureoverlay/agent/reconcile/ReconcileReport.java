package io.secureoverlay.agent.reconcile;

import io.secureoverlay.agent.dataplane.ChangeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one reconcile pass did: every change it sent with its final result (after the one retry),
 * the failures among them, and the changes it held back because what they depend on failed.
 */
public record ReconcileReport(
    Instant startedAt,
    Instant finishedAt,
    List<ChangeResult> results,
    List<ChangeResult> failures,
    List<String> skipped) {

  public ReconcileReport {
    results = List.copyOf(results);
    failures = List.copyOf(failures);
    skipped = List.copyOf(skipped);
  }

  /** Changes that took effect. */
  public List<ChangeResult> changesMade() {
    return results.stream().filter(ChangeResult::isOk).toList();
  }

  /** How many changes took effect: {@code changesMade().size()} without making the list. */
  public int changeCount() {
    // A loop: runs for the log lines of every pass, over thousands of results at a thousand peers.
    int n = 0;
    for (ChangeResult r : results) {
      n += r.isOk() ? 1 : 0;
    }
    return n;
  }

  /** True if the data plane now matches the desired state. */
  public boolean converged() {
    return failures.isEmpty() && skipped.isEmpty();
  }

  public Duration duration() {
    return Duration.between(startedAt, finishedAt);
  }

  /** {@code changes=3 failures=0 skipped=0}, for a log line. */
  public String summary() {
    return "changes="
        + changeCount()
        + " failures="
        + failures.size()
        + " skipped="
        + skipped.size()
        + " durationMs="
        + duration().toMillis();
  }
}
