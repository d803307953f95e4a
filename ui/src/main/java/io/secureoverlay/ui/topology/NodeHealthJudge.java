package io.secureoverlay.ui.topology;

import io.secureoverlay.protocol.ConditionStatus;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.protocol.StatusCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges one node's health from its report and the plan. The rules, worst first:
 *
 * <ul>
 *   <li>{@link NodeHealth#MISSING}: the plan lists the node but there is no report (or a report
 *       without status);
 *   <li>{@link NodeHealth#UNHEALTHY}: its Ready condition is False, it reports a last error, or its
 *       heartbeat is absent or older than {@value #STALE_AFTER_HEARTBEATS} times the expected
 *       heartbeat interval (agents write at least every 30 s, so 90 s by default: one missed write
 *       is noise, three are a dead or cut-off agent);
 *   <li>{@link NodeHealth#LAGGING}: the master lists it in {@code status.lagging};
 *   <li>otherwise {@link NodeHealth#HEALTHY}.
 * </ul>
 *
 * A heartbeat from the future (the agent's clock ahead of the console's) counts as fresh.
 */
public final class NodeHealthJudge {

  /** How often an agent writes its status when nothing changes (the agents' default). */
  public static final Duration EXPECTED_HEARTBEAT = Duration.ofSeconds(30);

  /** Heartbeats missed in a row before a node counts as unhealthy. */
  public static final int STALE_AFTER_HEARTBEATS = 3;

  private static final String LAGGING_REASON =
      "the master lists it as lagging: it did not acknowledge the plan in time";

  private final Duration expectedHeartbeat;
  private final Duration staleAfter;

  public NodeHealthJudge(Duration expectedHeartbeat) {
    if (expectedHeartbeat.isNegative() || expectedHeartbeat.isZero()) {
      throw new IllegalArgumentException(
          "expectedHeartbeat must be positive, was " + expectedHeartbeat);
    }
    this.expectedHeartbeat = expectedHeartbeat;
    this.staleAfter = expectedHeartbeat.multipliedBy(STALE_AFTER_HEARTBEATS);
  }

  public static NodeHealthJudge withDefaultHeartbeat() {
    return new NodeHealthJudge(EXPECTED_HEARTBEAT);
  }

  /** Heartbeats older than this make a node unhealthy. */
  public Duration staleAfter() {
    return staleAfter;
  }

  /**
   * @param report the node's status, null when it has none
   * @param lagging whether the master lists the node as lagging
   */
  public HealthVerdict judge(SecureOverlayNodeStatus report, boolean lagging, Instant now) {
    if (report == null) {
      return new HealthVerdict(
          NodeHealth.MISSING,
          List.of("listed in the plan, but its agent has not written a SecureOverlayNode status"));
    }
    List<String> unhealthy = new ArrayList<>();
    List<StatusCondition> conditions =
        report.getConditions() == null ? List.of() : report.getConditions();
    for (StatusCondition condition : conditions) {
      if (StatusCondition.READY.equals(condition.type())
          && condition.status() == ConditionStatus.FALSE) {
        unhealthy.add(
            "Ready is False"
                + (condition.reason() == null ? "" : " (" + condition.reason() + ")")
                + (condition.message() == null ? "" : ": " + condition.message()));
      }
    }
    if (report.getLastError() != null && !report.getLastError().isBlank()) {
      unhealthy.add("last error: " + report.getLastError());
    }
    Instant heartbeat = report.getHeartbeat();
    if (heartbeat == null) {
      unhealthy.add("no heartbeat reported");
    } else {
      Duration age = Duration.between(heartbeat, now);
      if (age.compareTo(staleAfter) > 0) {
        unhealthy.add(
            "no heartbeat for "
                + age.toSeconds()
                + " s (expected every "
                + expectedHeartbeat.toSeconds()
                + " s; unhealthy after "
                + staleAfter.toSeconds()
                + " s)");
      }
    }
    if (!unhealthy.isEmpty()) {
      if (lagging) {
        unhealthy.add(LAGGING_REASON);
      }
      return new HealthVerdict(NodeHealth.UNHEALTHY, unhealthy);
    }
    if (lagging) {
      return new HealthVerdict(NodeHealth.LAGGING, List.of(LAGGING_REASON));
    }
    return HealthVerdict.healthy();
  }
}
