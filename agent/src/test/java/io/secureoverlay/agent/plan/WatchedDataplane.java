package io.secureoverlay.agent.plan;

import io.secureoverlay.agent.dataplane.ChangeResult;
import io.secureoverlay.agent.dataplane.Dataplane;
import io.secureoverlay.agent.dataplane.DataplaneChange;
import io.secureoverlay.agent.dataplane.Policy;
import io.secureoverlay.agent.dataplane.PolicyId;
import io.secureoverlay.agent.dataplane.SaId;
import io.secureoverlay.agent.dataplane.SaState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies a batch one change at a time, as the kernel does, and runs {@code afterEachChange}
 * between changes: the simulation sends traffic there, so every intermediate state of every node is
 * exercised.
 */
final class WatchedDataplane implements Dataplane {

  private final Dataplane inner;
  private final Runnable afterEachChange;

  WatchedDataplane(Dataplane inner, Runnable afterEachChange) {
    this.inner = inner;
    this.afterEachChange = afterEachChange;
  }

  @Override
  public List<SaState> dumpSas() {
    return inner.dumpSas();
  }

  @Override
  public Optional<SaState> getSa(SaId id) {
    return inner.getSa(id);
  }

  @Override
  public List<Policy> dumpPolicies() {
    return inner.dumpPolicies();
  }

  @Override
  public Optional<Policy> getPolicy(PolicyId id) {
    return inner.getPolicy(id);
  }

  @Override
  public List<ChangeResult> apply(List<? extends DataplaneChange> changes) {
    List<ChangeResult> results = new ArrayList<>(changes.size());
    for (DataplaneChange change : changes) {
      results.add(inner.apply(List.of(change)).get(0));
      afterEachChange.run();
    }
    return results;
  }
}
