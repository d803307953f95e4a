package io.secureoverlay.ui.nodes;

import io.secureoverlay.protocol.EpochCounters;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.ui.cluster.TimeText;
import io.secureoverlay.ui.topology.HealthVerdict;
import io.secureoverlay.ui.topology.NodeHealth;
import io.secureoverlay.ui.topology.TopologyNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One line of the nodes table: what a node's agent reports, flattened for sorting and filtering.
 * Absent figures (a node that never reported) are null and sort last.
 *
 * @param errors the sum of the node's {@code /proc/net/xfrm_stat} counters: the kernel's own tally
 *     of every XFRM packet error on the node (ICV failures, replays, missing SAs and policies)
 */
public record NodeRow(
    String name,
    HealthVerdict health,
    String underlayIp,
    List<Long> inboundEpochs,
    Long outboundEpoch,
    Boolean enforce,
    Long packetsIn,
    Long packetsOut,
    Long errors,
    Integer interfaceMtu,
    Integer tunnelMtu,
    Instant heartbeat,
    String agentVersion,
    Instant seenAt) {

  /**
   * @param seenAt when the report was judged: heartbeat ages are measured to it
   */
  public static NodeRow of(TopologyNode node, Instant seenAt) {
    SecureOverlayNodeStatus s = node.report();
    if (s == null) {
      return new NodeRow(
          node.name(),
          node.health(),
          node.planUnderlayIp(),
          List.of(),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          seenAt);
    }
    List<EpochCounters> counters = s.getCounters() == null ? List.of() : s.getCounters();
    Map<String, Long> stat = s.getXfrmStat() == null ? Map.of() : s.getXfrmStat();
    return new NodeRow(
        node.name(),
        node.health(),
        s.getUnderlayIp() != null ? s.getUnderlayIp() : node.planUnderlayIp(),
        s.getInboundEpochs() == null ? List.of() : List.copyOf(s.getInboundEpochs()),
        s.getOutboundEpoch(),
        s.getEnforce(),
        counters.stream().mapToLong(EpochCounters::packetsIn).sum(),
        counters.stream().mapToLong(EpochCounters::packetsOut).sum(),
        stat.values().stream().mapToLong(v -> v == null ? 0 : v).sum(),
        s.getInterfaceMtu(),
        s.getTunnelMtu(),
        s.getHeartbeat(),
        s.getAgentVersion(),
        seenAt);
  }

  /** "12 s ago", or "never". */
  public String heartbeatAge() {
    return heartbeat == null ? "never" : TimeText.ago(heartbeat, seenAt);
  }

  public NodeHealth healthState() {
    return health.health();
  }

  /** "3, 4", or "none". */
  public String inboundEpochsText() {
    return inboundEpochs.isEmpty()
        ? "none"
        : inboundEpochs.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  public Optional<String> underlay() {
    return Optional.ofNullable(underlayIp);
  }
}
