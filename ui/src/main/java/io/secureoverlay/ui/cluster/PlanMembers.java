package io.secureoverlay.ui.cluster;

import io.secureoverlay.protocol.EpochStatus;
import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.MemberState;
import io.secureoverlay.protocol.SecureOverlayStatus;
import java.util.List;
import java.util.Set;

/**
 * Which nodes take part, read from the plan the way the master reads it: listed (not Removed), not
 * excluded, reporting, and past joining unless a peer already holds SAs for it. These are the nodes
 * the master waits for before each step, so they are the ones whose acknowledgement the console
 * counts.
 */
public final class PlanMembers {

  private PlanMembers() {}

  /** Names of the nodes the master waits for, in plan order. */
  public static List<String> live(ClusterSnapshot snapshot) {
    SecureOverlayStatus status = snapshot.status().orElse(null);
    if (status == null || status.getNodes() == null || status.getNodes().isEmpty()) {
      return reportingNotExcluded(snapshot);
    }
    Set<String> excluded = Set.copyOf(nonNull(status.getExcluded()));
    return status.getNodes().stream()
        .filter(row -> row.effectiveState().isListed())
        .filter(row -> !excluded.contains(row.name()))
        .filter(row -> snapshot.node(row.name()).isPresent())
        .filter(row -> row.effectiveState() != MemberState.JOINING || inAnyReadySet(status, row))
        .map(IndexedNode::name)
        .toList();
  }

  /**
   * Names of the nodes a transition would include: every listed, non-excluded row of the node table
   * (reporting or not, joining or not), or, before the master wrote a table, every reporting node
   * the spec does not exclude.
   */
  public static List<String> participating(ClusterSnapshot snapshot) {
    SecureOverlayStatus status = snapshot.status().orElse(null);
    if (status == null || status.getNodes() == null || status.getNodes().isEmpty()) {
      return reportingNotExcluded(snapshot);
    }
    Set<String> excluded = Set.copyOf(nonNull(status.getExcluded()));
    return listed(status).stream()
        .map(IndexedNode::name)
        .filter(n -> !excluded.contains(n))
        .toList();
  }

  /** Listed rows of the node table (every state but Removed). */
  public static List<IndexedNode> listed(SecureOverlayStatus status) {
    return nonNull(status.getNodes()).stream().filter(r -> r.effectiveState().isListed()).toList();
  }

  // No node table yet: every reporting node that the spec does not exclude will take part.
  private static List<String> reportingNotExcluded(ClusterSnapshot snapshot) {
    Set<String> excluded =
        Set.copyOf(snapshot.spec().map(s -> nonNull(s.getExcludeNodes())).orElse(List.of()));
    return snapshot.nodes().stream()
        .map(n -> n.getMetadata().getName())
        .filter(name -> !excluded.contains(name))
        .toList();
  }

  private static boolean inAnyReadySet(SecureOverlayStatus status, IndexedNode row) {
    return nonNull(status.getEpochs()).stream()
        .map(EpochStatus::readyOrEmpty)
        .anyMatch(ready -> ready.contains(row.index()));
  }

  /** The status's list, or an empty one where the status has none. */
  public static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
