package io.secureoverlay.agent.plan;

import io.secureoverlay.agent.dataplane.SimulatedDataplane;
import io.secureoverlay.agent.reconcile.ClusterIntent;
import io.secureoverlay.agent.reconcile.DesiredStateFactory;
import io.secureoverlay.agent.reconcile.DesiredXfrmBuilder;
import io.secureoverlay.agent.reconcile.NodeDesiredState;
import io.secureoverlay.agent.reconcile.NodeReconciler;
import io.secureoverlay.agent.reconcile.PeerPlan;
import io.secureoverlay.agent.reconcile.ReconcileReport;
import io.secureoverlay.agent.reconcile.SteppingDataplane;
import io.secureoverlay.crypto.PairKeyDeriver;
import io.secureoverlay.protocol.AgentPlanView;
import io.secureoverlay.protocol.NodeSet;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.spi.SpiAllocator;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One simulated agent: reads the plan the way docs/design/plan-protocol.md says, reconciles its
 * simulated data plane, and writes its acknowledgement by the protocol's write rule (so the
 * simulation also counts API writes per node).
 */
final class SimAgent {

  /** The part of a report the write rule watches; a change of it is written at once. */
  record Summary(List<Long> inbound, Long outbound, boolean enforce) {}

  final String name;
  final InetAddress underlay;
  private final PlanSimulation sim;
  private final NodeReconciler reconciler;
  private long actedOnRevision = -1;
  private Long applied;
  private Summary written;
  private Long writtenObserved;
  int writes;

  SimAgent(String name, InetAddress underlay, PlanSimulation sim) {
    this.name = name;
    this.underlay = underlay;
    this.sim = sim;
    SimulatedDataplane dataplane = sim.network.node(underlay);
    this.reconciler =
        new NodeReconciler(
            new SteppingDataplane(dataplane, () -> sim.afterChangeOn(this)),
            new DesiredXfrmBuilder(new PairKeyDeriver(), new SpiAllocator()),
            sim.clock);
  }

  /** Whether the plan moved since this agent last acted on it. */
  boolean pending() {
    SecureOverlayStatus status = sim.master.status();
    return status != null
        && status.getPlanRevision() != null
        && status.getPlanRevision() != actedOnRevision;
  }

  /** Applies the current plan and writes a report if the write rule asks for one. */
  void act() {
    Optional<AgentPlanView> found = AgentPlanView.of(sim.master.status(), name);
    if (found.isEmpty()) {
      return;
    }
    AgentPlanView view = found.get();
    ReconcileReport report;
    Summary summary;
    NodeSet encryptingTo = NodeSet.empty();
    NodeSet enforcingFrom = NodeSet.empty();
    if (!view.selfListed()) {
      report = reconciler.removeAll();
      summary = new Summary(List.of(), null, false);
    } else {
      Optional<ClusterIntent> intent =
          sim.intents.intent(
              view,
              sim.master.status(),
              sim.master.cipher(),
              sim.master.icv(),
              sim.master.secrets());
      if (intent.isEmpty()) {
        return; // the Secret is behind the plan: wait, acknowledge nothing
      }
      try (NodeDesiredState desired = DesiredStateFactory.forNode(intent.get(), name)) {
        report = reconciler.reconcile(desired);
        Long newest = null;
        List<Integer> to = new ArrayList<>();
        List<Integer> from = new ArrayList<>();
        for (PeerPlan p : desired.peers()) {
          if (p.outboundEpoch().isPresent()) {
            to.add(p.peer().index());
            long e = p.outboundEpoch().getAsLong();
            newest = newest == null ? e : Math.max(newest, e);
          }
          if (p.enforce()) {
            from.add(p.peer().index());
          }
        }
        encryptingTo = NodeSet.of(to);
        enforcingFrom = NodeSet.of(from);
        boolean enforce = view.enforcing().contains(view.self().index());
        summary = new Summary(List.copyOf(view.inboundEpochs()), newest, enforce);
      }
    }
    actedOnRevision = view.planRevision();
    if (!report.converged()) {
      throw new AssertionError(name + " could not apply plan: " + report.summary());
    }
    applied = view.planRevision();
    boolean ackDue = applied >= view.ackRevision() && view.acknowledgementDue(writtenObserved);
    if (ackDue || !summary.equals(written)) {
      write(summary, encryptingTo, enforcingFrom);
    }
  }

  private void write(Summary summary, NodeSet encryptingTo, NodeSet enforcingFrom) {
    SecureOverlayNodeStatus status = new SecureOverlayNodeStatus();
    status.setNodeName(name);
    status.setUnderlayIp(underlay.getHostAddress());
    status.setObservedPlanRevision(applied);
    status.setInboundEpochs(new ArrayList<>(summary.inbound()));
    status.setOutboundEpoch(summary.outbound());
    status.setEnforce(summary.enforce());
    status.setEncryptingTo(encryptingTo);
    status.setEnforcingFrom(enforcingFrom);
    status.setSoftExpiredEpochs(new ArrayList<>(sim.softExpired(name)));
    status.setHeartbeat(sim.clock.instant());
    sim.master.report(name, status);
    written = summary;
    writtenObserved = applied;
    writes++;
  }

  /** Writes again if the soft-expiry list changed (the write rule's second case). */
  void reportSoftExpiry() {
    SecureOverlayNodeStatus last = sim.master.reports().get(name);
    if (last != null && !Objects.equals(last.getSoftExpiredEpochs(), sim.softExpired(name))) {
      last.setSoftExpiredEpochs(new ArrayList<>(sim.softExpired(name)));
      sim.master.report(name, last);
      writes++;
    }
  }
}
