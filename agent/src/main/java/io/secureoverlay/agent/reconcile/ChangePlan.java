package io.secureoverlay.agent.reconcile;

import io.secureoverlay.agent.dataplane.DataplaneChange;
import java.util.ArrayList;
import java.util.List;

/**
 * The minimal changes from the actual to the desired XFRM state, in the three stages they are
 * applied in: SAs in first (so no policy ever points at a missing SA), then policies (adds, atomic
 * updates, deletes), then SAs out (once no policy uses them).
 */
public record ChangePlan(
    List<DataplaneChange> saInstalls,
    List<DataplaneChange> policyChanges,
    List<DataplaneChange> saRemovals) {

  public ChangePlan {
    saInstalls = List.copyOf(saInstalls);
    policyChanges = List.copyOf(policyChanges);
    saRemovals = List.copyOf(saRemovals);
  }

  public boolean isEmpty() {
    return saInstalls.isEmpty() && policyChanges.isEmpty() && saRemovals.isEmpty();
  }

  /** Every change, in application order. */
  public List<DataplaneChange> all() {
    List<DataplaneChange> all = new ArrayList<>(saInstalls);
    all.addAll(policyChanges);
    all.addAll(saRemovals);
    return all;
  }
}
