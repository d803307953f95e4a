package io.secureoverlay.ui.topology;

import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One node as the topology shows it.
 *
 * @param position its place in the pictures (nodes in name order, from 0)
 * @param planIndex its stable index in the plan's node table, empty when the plan does not list it
 * @param planUnderlayIp the underlay address the plan lists for it, null when not listed
 * @param report what its agent last wrote, null when nothing
 */
public record TopologyNode(
    String name,
    int position,
    OptionalInt planIndex,
    String planUnderlayIp,
    SecureOverlayNodeStatus report,
    HealthVerdict health) {

  public Optional<SecureOverlayNodeStatus> status() {
    return Optional.ofNullable(report);
  }
}
