package io.secureoverlay.master;

import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.protocol.SecureOverlaySpec;
import io.secureoverlay.protocol.SecureOverlayStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one planning round looks at. The engine copies what it changes: nothing here is
 * modified.
 *
 * @param generation {@code metadata.generation} of the SecureOverlay the spec comes from
 * @param status the current plan, or {@code null} before the first one
 * @param nodes every Kubernetes Node
 * @param reports {@code SecureOverlayNode} statuses by node name (the acknowledgements)
 */
public record PlanInput(
    SecureOverlaySpec spec,
    long generation,
    SecureOverlayStatus status,
    List<NodeFact> nodes,
    Map<String, SecureOverlayNodeStatus> reports,
    KeysView keys,
    Instant now) {

  public PlanInput {
    Objects.requireNonNull(nodes, "nodes");
    Objects.requireNonNull(reports, "reports");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(now, "now");
    nodes = List.copyOf(nodes);
    reports = Map.copyOf(reports);
  }
}
