package io.secureoverlay.agent.reconcile;

import io.secureoverlay.agent.dataplane.DataplaneChange;
import io.secureoverlay.agent.dataplane.DataplaneChange.AddPolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.AddSa;
import io.secureoverlay.agent.dataplane.DataplaneChange.DeletePolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.DeleteSa;
import io.secureoverlay.agent.dataplane.DataplaneChange.UpdatePolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.UpdateSa;
import io.secureoverlay.agent.dataplane.Policy;
import io.secureoverlay.agent.dataplane.PolicyId;
import io.secureoverlay.agent.dataplane.SaId;
import io.secureoverlay.agent.dataplane.SaSpec;
import io.secureoverlay.agent.dataplane.SaState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Diffs desired against actual XFRM state by identity and yields the fewest changes: nothing for
 * what is already right, a lifetime update where only lifetimes differ, delete-and-add where an
 * SA's key or parameters differ (the kernel cannot change those in place), an atomic policy update
 * where a policy's template differs (an epoch switch). A pure function: no I/O, no clock.
 */
public final class ChangePlanner {

  private ChangePlanner() {}

  public static ChangePlan plan(
      DesiredXfrm desired, Collection<SaState> actualSas, Collection<Policy> actualPolicies) {
    Map<SaId, SaState> actual = new HashMap<>(DesiredXfrmBuilder.capacityFor(actualSas.size()));
    actualSas.forEach(sa -> actual.put(sa.id(), sa));
    List<DataplaneChange> installs = new ArrayList<>();
    for (DesiredSa want : desired.sas().values()) {
      SaState have = actual.get(want.id());
      if (have == null) {
        installs.add(new AddSa(desired.spec(want.id())));
      } else if (!want.sameFixedFields(have)) {
        installs.add(new DeleteSa(want.id()));
        installs.add(new AddSa(desired.spec(want.id())));
      } else if (!have.lifetimes().equals(want.lifetimes())) {
        installs.add(new UpdateSa(desired.spec(want.id())));
      }
    }
    List<DataplaneChange> removals = new ArrayList<>();
    for (SaState have : actualSas) {
      if (!desired.sas().containsKey(have.id())) {
        removals.add(new DeleteSa(have.id()));
      }
    }
    return new ChangePlan(installs, policyChanges(desired, actualPolicies), removals);
  }

  private static List<DataplaneChange> policyChanges(
      DesiredXfrm desired, Collection<Policy> actualPolicies) {
    Map<PolicyId, Policy> actual =
        new HashMap<>(DesiredXfrmBuilder.capacityFor(actualPolicies.size()));
    actualPolicies.forEach(p -> actual.put(p.id(), p));
    List<DataplaneChange> changes = new ArrayList<>();
    for (Policy have : actualPolicies) {
      if (!desired.policies().containsKey(have.id())) {
        changes.add(new DeletePolicy(have.id()));
      }
    }
    for (Policy want : desired.policies().values()) {
      Policy have = actual.get(want.id());
      if (have == null) {
        changes.add(new AddPolicy(want));
      } else if (!have.equals(want)) {
        changes.add(new UpdatePolicy(want));
      }
    }
    return changes;
  }

  /** Whether an installed SA already has the key and parameters of {@code want} (not lifetimes). */
  static boolean sameFixedFields(SaState have, SaSpec want) {
    return DesiredSa.of(want, -1).sameFixedFields(have);
  }
}
