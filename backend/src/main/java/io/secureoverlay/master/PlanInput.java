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
 * @param observingSince since when this replica has seen the cluster without a gap (it took the
 *     Lease, or the API server came back): no node is judged lagging or excluded for time before
 *     it, when its reports could not have arrived; {@code null} for no such limit
 */
public record PlanInput(
    SecureOverlaySpec spec,
    long generation,
    SecureOverlayStatus status,
    List<NodeFact> nodes,
    Map<String, SecureOverlayNodeStatus> reports,
    KeysView keys,
    Instant now,
    Instant observingSince) {

  /** An input from a replica that has observed the cluster all along. */
  public PlanInput(
      SecureOverlaySpec spec,
      long generation,
      SecureOverlayStatus status,
      List<NodeFact> nodes,
      Map<String, SecureOverlayNodeStatus> reports,
      KeysView keys,
      Instant now) {
    this(spec, generation, status, nodes, reports, keys, now, null);
  }

  public PlanInput {
    Objects.requireNonNull(nodes, "nodes");
    Objects.requireNonNull(reports, "reports");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(now, "now");
    nodes = List.copyOf(nodes);
    reports = Map.copyOf(reports);
  }
}
