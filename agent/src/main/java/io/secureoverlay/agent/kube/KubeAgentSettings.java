package io.secureoverlay.agent.kube;

import java.time.Duration;
import java.util.Objects;

/**
 * How one agent in Kubernetes mode runs.
 *
 * @param nodeName this node's name: its Node, its row in the plan, its {@code SecureOverlayNode}
 * @param agentVersion reported in status
 * @param heartbeat the status is written at least this often, even when nothing changed
 * @param minWriteInterval changes that the master does not wait for (counters aside, which are
 *     never a reason to write) are coalesced into at most one write per this interval; an
 *     acknowledgement the master waits for is written at once
 * @param resync a full reconcile runs at least this often, repairing drift in the data plane
 * @param tick how often the agent checks for a due heartbeat, resync or retry
 */
public record KubeAgentSettings(
    String nodeName,
    String agentVersion,
    Duration heartbeat,
    Duration minWriteInterval,
    Duration resync,
    Duration tick) {

  public KubeAgentSettings {
    if (nodeName == null || nodeName.isBlank()) {
      throw new IllegalArgumentException("nodeName must not be blank");
    }
    Objects.requireNonNull(agentVersion, "agentVersion");
    positive(heartbeat, "heartbeat");
    positive(minWriteInterval, "minWriteInterval");
    positive(resync, "resync");
    positive(tick, "tick");
  }

  /** Production timings: heartbeat 30 s, coalescing 1 s, resync 60 s, tick 1 s. */
  public static KubeAgentSettings defaults(String nodeName, String agentVersion) {
    return new KubeAgentSettings(
        nodeName,
        agentVersion,
        Duration.ofSeconds(30),
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        Duration.ofSeconds(1));
  }

  public KubeAgentSettings withNodeName(String name) {
    return new KubeAgentSettings(name, agentVersion, heartbeat, minWriteInterval, resync, tick);
  }

  public KubeAgentSettings withHeartbeat(Duration value) {
    return new KubeAgentSettings(nodeName, agentVersion, value, minWriteInterval, resync, tick);
  }

  public KubeAgentSettings withResync(Duration value) {
    return new KubeAgentSettings(nodeName, agentVersion, heartbeat, minWriteInterval, value, tick);
  }

  private static void positive(Duration d, String field) {
    Objects.requireNonNull(d, field);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(field + " must be positive, was " + d);
    }
  }
}
