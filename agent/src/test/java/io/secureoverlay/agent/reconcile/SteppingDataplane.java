package io.secureoverlay.agent.reconcile;

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
import java.util.function.Function;

/**
 * Applies a batch one change at a time, as the kernel does, running {@code afterEachChange} between
 * changes (traffic in the cluster tests), and lets a test replace the result of chosen changes
 * ({@code interceptor} returns a result to fail a change without applying it). Shared by the
 * reconciler's cluster tests and the plan simulation.
 */
public final class SteppingDataplane implements Dataplane {

  private final Dataplane inner;
  private Runnable afterEachChange = () -> {};
  private Function<DataplaneChange, Optional<ChangeResult>> interceptor = c -> Optional.empty();
  private final List<DataplaneChange> applied = new ArrayList<>();
  private int sasDumps;

  public SteppingDataplane(Dataplane inner) {
    this.inner = inner;
  }

  /** The same, running {@code afterEachChange} between changes from the start. */
  public SteppingDataplane(Dataplane inner, Runnable afterEachChange) {
    this(inner);
    this.afterEachChange = afterEachChange;
  }

  void afterEachChange(Runnable action) {
    this.afterEachChange = action;
  }

  void intercept(Function<DataplaneChange, Optional<ChangeResult>> interceptor) {
    this.interceptor = interceptor;
  }

  /** Every change sent so far, in order, including failed ones. */
  List<DataplaneChange> sent() {
    return List.copyOf(applied);
  }

  void clearSent() {
    applied.clear();
  }

  /** How many times the SAs were dumped: a reconciler's full reads of the data plane. */
  int sasDumps() {
    return sasDumps;
  }

  @Override
  public List<SaState> dumpSas() {
    sasDumps++;
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
    List<ChangeResult> results = new ArrayList<>();
    for (DataplaneChange change : changes) {
      applied.add(change);
      Optional<ChangeResult> forced = interceptor.apply(change);
      results.add(forced.orElseGet(() -> inner.apply(List.of(change)).get(0)));
      afterEachChange.run();
    }
    return results;
  }
}
