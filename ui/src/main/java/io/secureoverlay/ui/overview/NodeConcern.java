package io.secureoverlay.ui.overview;

import java.util.List;

/**
 * A node whose pods may lose traffic during a transition, and why.
 *
 * @param node the node's name
 * @param problems one sentence each: lagging, not Ready, stale heartbeat, last error, no report
 */
public record NodeConcern(String node, List<String> problems) {

  public NodeConcern {
    problems = List.copyOf(problems);
  }

  /** "node-3: lagging; Ready is False (ReconcileFailed): ...". */
  public String text() {
    return node + ": " + String.join("; ", problems);
  }
}
