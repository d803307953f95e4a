package io.secureoverlay.agent.reconcile;

import io.secureoverlay.agent.dataplane.ChangeResult;
import io.secureoverlay.agent.dataplane.Dataplane;
import io.secureoverlay.agent.dataplane.DataplaneChange;
import io.secureoverlay.agent.dataplane.DataplaneChange.AddPolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.AddSa;
import io.secureoverlay.agent.dataplane.DataplaneChange.DeletePolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.DeleteSa;
import io.secureoverlay.agent.dataplane.DataplaneChange.UpdatePolicy;
import io.secureoverlay.agent.dataplane.OwnedReqids;
import io.secureoverlay.agent.dataplane.Policy;
import io.secureoverlay.agent.dataplane.PolicyDirection;
import io.secureoverlay.agent.dataplane.PolicyId;
import io.secureoverlay.agent.dataplane.SaId;
import io.secureoverlay.agent.dataplane.TrafficSelector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one node's data plane to its desired state with the fewest changes. A pass plans with
 * {@link ChangePlanner} against what the data plane holds and applies in three batches: SAs in;
 * then policies, each only if the SAs it needs are in; then SAs out, each only if no remaining
 * policy uses it. Failures are collected per change, never abort the pass, and the next pass
 * retries them. Pair keys are zeroed when the pass ends.
 *
 * <p>What the data plane holds is read afresh (so a restarted agent changes nothing that is already
 * right) unless, within {@code trustFor} of the last full read, the previous pass applied every
 * change it planned: then the data plane holds exactly that pass's desired state, and the pass
 * plans against it: looking only at the objects the builder made anew, instead of dumping,
 * converting and comparing every SA of a large node. Any failure, a held back change, an exception
 * or {@link #removeAll()} ends the trust until the next full read, and a full read comes at least
 * every {@code trustFor}, repairing drift (an SA someone deleted, one the kernel expired). With
 * {@code trustFor} zero every pass reads.
 */
public final class NodeReconciler {

  private static final Logger LOG = LoggerFactory.getLogger(NodeReconciler.class);

  private final Dataplane dataplane;
  private final DesiredXfrmBuilder builder;
  private final BatchApplier applier;
  private final Clock clock;
  private final Duration trustFor;

  /** The data plane as the last pass left it, when that pass applied everything; else null. */
  private XfrmBaseline reached;

  private Instant lastFullRead;

  /** Reads the data plane on every pass. */
  public NodeReconciler(Dataplane dataplane, DesiredXfrmBuilder builder, Clock clock) {
    this(dataplane, builder, clock, Duration.ZERO);
  }

  /**
   * @param trustFor how long after a full read passes may plan against what the previous pass
   *     applied instead of reading the data plane again
   */
  public NodeReconciler(
      Dataplane dataplane, DesiredXfrmBuilder builder, Clock clock, Duration trustFor) {
    this.dataplane = dataplane;
    this.builder = builder;
    this.applier = new BatchApplier(dataplane);
    this.clock = clock;
    this.trustFor = trustFor;
  }

  public synchronized ReconcileReport reconcile(NodeDesiredState desired) {
    Instant started = clock.instant();
    XfrmBaseline before = trustedBaseline(started);
    reached = null;
    if (before == null) {
      before = XfrmBaseline.read(dataplane.dumpSas(), dataplane.dumpPolicies());
      lastFullRead = started;
    }
    try (DesiredXfrm want = builder.build(desired)) {
      ChangePlan plan = ChangePlanner.plan(want, before);
      Tally tally = new Tally();
      ReconcileReport report = apply(plan, before, want, tally, started);
      if (report.converged()) {
        reached = XfrmBaseline.reached(want);
      }
      return report;
    }
  }

  private XfrmBaseline trustedBaseline(Instant now) {
    // A baseline is reached only after a full read, so lastFullRead is set whenever it is; a zero
    // window trusts nothing even when the clock steps back.
    boolean trusted =
        reached != null && !trustFor.isZero() && now.isBefore(lastFullRead.plus(trustFor));
    return trusted ? reached : null;
  }

  /** A loop, not a stream: once per policy change, a thousand per pass. */
  private static boolean allPresent(Collection<SaId> ids, MapOverlay<SaId, Object> present) {
    for (SaId id : ids) {
      if (!present.containsKey(id)) {
        return false;
      }
    }
    return true;
  }

  private ReconcileReport apply(
      ChangePlan plan, XfrmBaseline before, DesiredXfrm want, Tally tally, Instant started) {
    // What is installed as the batches go: the baseline with each applied change on top.
    MapOverlay<SaId, Object> present = new MapOverlay<>(before.sas());
    for (ChangeResult r : tally.add(applier.apply(plan.saInstalls()))) {
      trackSa(r, present);
    }

    List<DataplaneChange> policyChanges = new ArrayList<>();
    for (DataplaneChange c : plan.policyChanges()) {
      PolicyId id = installedPolicyId(c);
      if (id != null && !allPresent(want.requiredBy(id), present)) {
        tally.skipped.add(c.describe() + ": held back, an SA it needs is not installed");
      } else {
        policyChanges.add(c);
      }
    }
    MapOverlay<PolicyId, Policy> livePolicies = new MapOverlay<>(before.policies());
    for (ChangeResult r : tally.add(applier.apply(policyChanges))) {
      trackPolicy(r, livePolicies);
    }

    List<DataplaneChange> removals = new ArrayList<>();
    for (DataplaneChange c : plan.saRemovals()) {
      DesiredSa sa = before.sas().get(((DeleteSa) c).id());
      if (stillUsed(sa, livePolicies, present, want)) {
        tally.skipped.add(c.describe() + ": held back, a remaining policy still uses it");
      } else {
        removals.add(c);
      }
    }
    tally.add(applier.apply(removals));
    return tally.report(started, clock.instant());
  }

  /** Zeroes the key material cached between passes (the epochs' PRKs); for an agent that stops. */
  public void dropKeys() {
    builder.dropKeys();
  }

  /** Removes every owned policy, then every owned SA; foreign state is never seen or touched. */
  public synchronized ReconcileReport removeAll() {
    Instant started = clock.instant();
    reached = null;
    Tally tally = new Tally();
    List<DataplaneChange> policies = new ArrayList<>();
    dataplane.dumpPolicies().forEach(p -> policies.add(new DeletePolicy(p.id())));
    tally.add(applier.apply(policies));
    List<DataplaneChange> sas = new ArrayList<>();
    dataplane.dumpSas().forEach(sa -> sas.add(new DeleteSa(sa.id())));
    tally.add(applier.apply(sas));
    return tally.report(started, clock.instant());
  }

  private static PolicyId installedPolicyId(DataplaneChange c) {
    if (c instanceof AddPolicy add) {
      return add.policy().id();
    }
    if (c instanceof UpdatePolicy update) {
      return update.policy().id();
    }
    return null;
  }

  private static void trackSa(ChangeResult r, MapOverlay<SaId, Object> present) {
    if (!r.isOk()) {
      return;
    }
    if (r.change() instanceof AddSa add) {
      present.put(add.sa().id(), add.sa().id());
    } else if (r.change() instanceof DeleteSa delete) {
      present.remove(delete.id());
    }
  }

  private static void trackPolicy(ChangeResult r, MapOverlay<PolicyId, Policy> live) {
    if (!r.isOk()) {
      return;
    }
    if (r.change() instanceof AddPolicy add) {
      live.put(add.policy().id(), add.policy());
    } else if (r.change() instanceof UpdatePolicy update) {
      live.put(update.policy().id(), update.policy());
    } else if (r.change() instanceof DeletePolicy delete) {
      live.remove(delete.id());
    }
  }

  /**
   * An outbound SA is in use while the out policy toward its peer carries its reqid; an inbound SA
   * while an in policy from its peer enforces and no other inbound SA from that peer is in place.
   */
  private static boolean stillUsed(
      DesiredSa sa,
      MapOverlay<PolicyId, Policy> live,
      MapOverlay<SaId, Object> present,
      DesiredXfrm want) {
    TrafficSelector selector = TrafficSelector.ipip(sa.source(), sa.id().destination());
    if (OwnedReqids.isOutbound(sa.reqid())) {
      Policy out = live.get(new PolicyId(selector, PolicyDirection.OUT));
      return out != null && out.template().reqid() == sa.reqid();
    }
    PolicyId inId = new PolicyId(selector, PolicyDirection.IN);
    if (!live.containsKey(inId)) {
      return false;
    }
    // A loop, not a stream: once per inbound SA a rotation retires, a thousand per pass.
    for (SaId other : want.requiredBy(inId)) {
      if (present.containsKey(other)) {
        return false;
      }
    }
    return true;
  }

  /** Collects results across the three batches, logging each change once. */
  private static final class Tally {
    private final List<ChangeResult> results = new ArrayList<>();
    private final List<ChangeResult> failures = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    List<ChangeResult> add(BatchApplier.Outcome outcome) {
      results.addAll(outcome.results());
      failures.addAll(outcome.failures());
      for (ChangeResult r : outcome.results()) {
        if (r.isOk()) {
          if (LOG.isDebugEnabled()) {
            // describe() formats addresses, SPI and reqid: thousands of strings per large pass.
            LOG.debug("event=xfrm_change status=ok change=\"{}\"", r.change().describe());
          }
        } else {
          LOG.warn(
              "event=xfrm_change status={} detail=\"{}\" change=\"{}\"",
              r.status(),
              r.detail(),
              r.change().describe());
        }
      }
      return outcome.results();
    }

    ReconcileReport report(Instant started, Instant finished) {
      skipped.forEach(s -> LOG.warn("event=xfrm_change status=SKIPPED change=\"{}\"", s));
      ReconcileReport report = new ReconcileReport(started, finished, results, failures, skipped);
      if (LOG.isInfoEnabled() && (!results.isEmpty() || !skipped.isEmpty())) {
        LOG.info("event=reconcile {}", report.summary());
      }
      return report;
    }
  }
}
