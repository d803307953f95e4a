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
    return plan(desired, XfrmBaseline.read(actualSas, actualPolicies));
  }

  /** The changes from {@code before} (read from the data plane, or trusted) to {@code desired}. */
  public static ChangePlan plan(DesiredXfrm desired, XfrmBaseline before) {
    DesiredXfrm.SinceLastBuild since = desired.sinceLastBuild().orElse(null);
    if (since != null
        && since.previousSas() == before.sas()
        && since.previousPolicies() == before.policies()) {
      return planFromLastBuild(desired, before, since);
    }
    return planEverything(desired, before);
  }

  private static ChangePlan planEverything(DesiredXfrm desired, XfrmBaseline before) {
    Map<SaId, DesiredSa> actual = before.sas();
    List<DataplaneChange> installs = new ArrayList<>();
    for (DesiredSa want : desired.sas().values()) {
      DesiredSa have = actual.get(want.id());
      if (have == want) {
        // The same object the last pass wanted and applied: nothing changed for it.
        continue;
      }
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
    for (SaId have : actual.keySet()) {
      if (!desired.sas().containsKey(have)) {
        removals.add(new DeleteSa(have));
      }
    }
    return new ChangePlan(installs, policyChanges(desired, before.policies()), removals);
  }

  /**
   * The baseline is the builder's previous build: every object the new build took over is the same
   * object there, so only the new objects can need a change, and something needs removing only if
   * fewer ids than the baseline holds were carried into the new build. Yields the same changes, in
   * the same order, as {@link #planEverything} would.
   */
  private static ChangePlan planFromLastBuild(
      DesiredXfrm desired, XfrmBaseline before, DesiredXfrm.SinceLastBuild since) {
    Map<SaId, DesiredSa> actual = before.sas();
    List<DataplaneChange> installs = new ArrayList<>();
    int carried = desired.sas().size() - since.newSas().size();
    for (SaId id : since.newSas()) {
      DesiredSa want = desired.sas().get(id);
      DesiredSa have = actual.get(id);
      if (have == null) {
        installs.add(new AddSa(desired.spec(id)));
        continue;
      }
      carried++;
      if (!want.sameFixedFields(have)) {
        installs.add(new DeleteSa(id));
        installs.add(new AddSa(desired.spec(id)));
      } else if (!have.lifetimes().equals(want.lifetimes())) {
        installs.add(new UpdateSa(desired.spec(id)));
      }
    }
    List<DataplaneChange> removals = new ArrayList<>();
    if (carried < actual.size()) {
      for (SaId have : actual.keySet()) {
        if (!desired.sas().containsKey(have)) {
          removals.add(new DeleteSa(have));
        }
      }
    }
    Map<PolicyId, Policy> actualPolicies = before.policies();
    List<DataplaneChange> policyChanges = new ArrayList<>();
    int carriedPolicies = desired.policies().size() - since.newPolicies().size();
    for (PolicyId id : since.newPolicies()) {
      if (actualPolicies.containsKey(id)) {
        carriedPolicies++;
      }
    }
    if (carriedPolicies < actualPolicies.size()) {
      for (PolicyId have : actualPolicies.keySet()) {
        if (!desired.policies().containsKey(have)) {
          policyChanges.add(new DeletePolicy(have));
        }
      }
    }
    for (PolicyId id : since.newPolicies()) {
      Policy want = desired.policies().get(id);
      Policy have = actualPolicies.get(id);
      if (have == null) {
        policyChanges.add(new AddPolicy(want));
      } else if (!have.equals(want)) {
        policyChanges.add(new UpdatePolicy(want));
      }
    }
    return new ChangePlan(installs, policyChanges, removals);
  }

  private static List<DataplaneChange> policyChanges(
      DesiredXfrm desired, Map<PolicyId, Policy> actual) {
    List<DataplaneChange> changes = new ArrayList<>();
    for (PolicyId have : actual.keySet()) {
      if (!desired.policies().containsKey(have)) {
        changes.add(new DeletePolicy(have));
      }
    }
    for (Policy want : desired.policies().values()) {
      Policy have = actual.get(want.id());
      if (have == null) {
        changes.add(new AddPolicy(want));
      } else if (have != want && !have.equals(want)) {
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
