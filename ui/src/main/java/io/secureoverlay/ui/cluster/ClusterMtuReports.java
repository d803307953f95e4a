package io.secureoverlay.ui.cluster;

import io.secureoverlay.protocol.SecureOverlayNode;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.ui.mtu.ConfiguredTunnelMtuSource;
import io.secureoverlay.ui.mtu.ReportedUnderlayMtu;
import io.secureoverlay.ui.mtu.UnderlayMtuSource;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The MTU view's figures from the agents' reports: each node's underlay interface MTU, and the
 * tunnel MTU in use (the smallest any node reports, since that is the one that limits).
 */
@Component
@Primary
public class ClusterMtuReports implements UnderlayMtuSource, ConfiguredTunnelMtuSource {

  private final ClusterState state;

  public ClusterMtuReports(ClusterState state) {
    this.state = state;
  }

  @Override
  public List<ReportedUnderlayMtu> reportedUnderlayMtus() {
    return state.current().nodes().stream()
        .filter(n -> n.getStatus() != null && n.getStatus().getInterfaceMtu() != null)
        .map(n -> new ReportedUnderlayMtu(name(n), n.getStatus().getInterfaceMtu()))
        .toList();
  }

  @Override
  public OptionalInt configuredTunnelMtu() {
    return state.current().nodes().stream()
        .map(SecureOverlayNode::getStatus)
        .filter(Objects::nonNull)
        .map(SecureOverlayNodeStatus::getTunnelMtu)
        .filter(Objects::nonNull)
        .mapToInt(Integer::intValue)
        .min();
  }

  private static String name(SecureOverlayNode node) {
    return node.getMetadata().getName();
  }
}
