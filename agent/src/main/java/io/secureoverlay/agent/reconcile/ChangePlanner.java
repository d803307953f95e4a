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
import java.util.function.Function;

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
    List<DataplaneChange> installs = new ArrayList<>();
    for (DesiredSa want : desired.sas().values()) {
      DesiredSa have = before.sas().get(want.id());
      // The same object the last pass wanted and applied: nothing changed for it.
      if (have != want) {
        addSaChanges(installs, desired, want, have);
      }
    }
    List<DataplaneChange> policyChanges =
        deletions(before.policies(), desired.policies(), DeletePolicy::new);
    for (Policy want : desired.policies().values()) {
      addPolicyChange(policyChanges, want, before.policies().get(want.id()));
    }
    return new ChangePlan(
        installs, policyChanges, deletions(before.sas(), desired.sas(), DeleteSa::new));
  }

  /**
   * The baseline is the builder's previous build: every object the new build took over is the same
   * object there, so only the new objects can need a change; the SAs to remove are the ones the
   * builder found it no longer holds, and policies need removing only if fewer ids than the
   * baseline holds were carried into the new build. Yields the same changes, in the same order, as
   * {@link #planEverything} would.
   */
  private static ChangePlan planFromLastBuild(
      DesiredXfrm desired, XfrmBaseline before, DesiredXfrm.SinceLastBuild since) {
    List<DataplaneChange> installs = new ArrayList<>();
    for (DesiredXfrm.NewSa made : since.newSas()) {
      addSaChanges(installs, desired, made.sa(), made.previous());
    }
    int carriedPolicies = desired.policies().size() - since.newPolicies().size();
    for (PolicyId id : since.newPolicies()) {
      carriedPolicies += before.policies().containsKey(id) ? 1 : 0;
    }
    List<DataplaneChange> policyChanges =
        carriedPolicies < before.policies().size()
            ? deletions(before.policies(), desired.policies(), DeletePolicy::new)
            : new ArrayList<>();
    for (PolicyId id : since.newPolicies()) {
      addPolicyChange(policyChanges, desired.policies().get(id), before.policies().get(id));
    }
    List<DataplaneChange> removals = new ArrayList<>(since.droppedSas().size());
    for (SaId id : since.droppedSas()) {
      removals.add(new DeleteSa(id));
    }
    return new ChangePlan(installs, policyChanges, removals);
  }

  /** Nothing if {@code have} already matches, else the fewest changes that make it {@code want}. */
  private static void addSaChanges(
      List<DataplaneChange> out, DesiredXfrm desired, DesiredSa want, DesiredSa have) {
    if (have == null) {
      out.add(new AddSa(desired.spec(want)));
    } else if (!want.sameFixedFields(have)) {
      out.add(new DeleteSa(want.id()));
      out.add(new AddSa(desired.spec(want)));
    } else if (!have.lifetimes().equals(want.lifetimes())) {
      out.add(new UpdateSa(desired.spec(want)));
    }
  }

  private static void addPolicyChange(List<DataplaneChange> out, Policy want, Policy have) {
    if (have == null) {
      out.add(new AddPolicy(want));
    } else if (have != want && !have.equals(want)) {
      out.add(new UpdatePolicy(want));
    }
  }

  /**
   * A deletion for each installed object ({@code installed}, in the baseline's order) that {@code
   * wanted} does not hold: SAs and policies alike.
   */
  private static <K> List<DataplaneChange> deletions(
      Map<K, ?> installed, Map<K, ?> wanted, Function<K, DataplaneChange> delete) {
    List<DataplaneChange> out = new ArrayList<>();
    for (K have : installed.keySet()) {
      if (!wanted.containsKey(have)) {
        out.add(delete.apply(have));
      }
    }
    return out;
  }

  /** Whether an installed SA already has the key and parameters of {@code want} (not lifetimes). */
  static boolean sameFixedFields(SaState have, SaSpec want) {
    return DesiredSa.of(want, -1).sameFixedFields(have);
  }
}
