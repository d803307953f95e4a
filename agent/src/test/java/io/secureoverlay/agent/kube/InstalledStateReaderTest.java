package io.secureoverlay.agent.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.dataplane.SimulatedDataplane;
import io.secureoverlay.agent.dataplane.SimulatedNetwork;
import io.secureoverlay.agent.kube.AgentDirective.Apply;
import io.secureoverlay.agent.reconcile.DesiredStateFactory;
import io.secureoverlay.agent.reconcile.DesiredXfrmBuilder;
import io.secureoverlay.agent.reconcile.NodeDesiredState;
import io.secureoverlay.agent.reconcile.NodeReconciler;
import io.secureoverlay.crypto.PairKeyDeriver;
import io.secureoverlay.protocol.EpochCounters;
import io.secureoverlay.protocol.NodeSet;
import io.secureoverlay.spi.SpiAllocator;
import java.net.InetAddress;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Applies plans to a simulated data plane, then reads them back in the plan's terms. */
class InstalledStateReaderTest {

  private final SimulatedDataplane dataplane = new SimulatedDataplane();
  private final NodeReconciler reconciler = reconcilerOn(dataplane);
  private final InstalledStateReader reader = new InstalledStateReader();
  private final PlanInterpreter interpreter = new PlanInterpreter();

  @Test
  void inboundOnlyReportsTheEpochAndNoSending() {
    PlanFixtures plan = new PlanFixtures(3).epoch(1, NodeSet.empty(), NodeSet.empty());

    InstalledState state = applyAndRead(plan, PlanFixtures.keys(1));

    assertThat(state.inboundEpochs()).containsExactly(1L);
    assertThat(state.outboundEpoch()).isEmpty();
    assertThat(state.encryptingTo().isEmpty()).isTrue();
    assertThat(state.enforce()).isFalse();
  }

  @Test
  void midRotationTheNewestEpochSentWithIsReportedAndPeersByIndex() {
    PlanFixtures plan = new PlanFixtures(3);
    plan.epoch(1, plan.all(), plan.all())
        .epoch(2, NodeSet.of(1, 2), NodeSet.empty())
        .outbound(2L)
        .enforcing(plan.all());

    InstalledState state = applyAndRead(plan, PlanFixtures.keys(1, 2));

    assertThat(state.inboundEpochs()).containsExactly(1L, 2L);
    assertThat(state.outboundEpoch()).hasValue(2);
    assertThat(state.encryptingTo()).isEqualTo(NodeSet.of(2, 3));
    assertThat(state.enforcingFrom()).isEqualTo(NodeSet.of(2, 3));
    assertThat(state.enforce()).isTrue();
    assertThat(state.counters()).extracting(c -> c.epoch()).containsExactly(1L, 2L);
  }

  @Test
  void anEpochMissingFromOnePeerIsNotReportedAsInbound() {
    PlanFixtures plan = new PlanFixtures(3).epoch(1, NodeSet.empty(), NodeSet.empty());
    applyAndRead(plan, PlanFixtures.keys(1));
    // A fourth node joins the table: its inbound SA is not installed yet.
    PlanFixtures bigger = new PlanFixtures(4).epoch(1, NodeSet.empty(), NodeSet.empty());

    InstalledState state = read(bigger);

    assertThat(state.inboundEpochs()).isEmpty();
  }

  @Test
  void trafficIsCountedPerEpochAndDirection() throws Exception {
    SimulatedNetwork network = new SimulatedNetwork();
    InetAddress one = InetAddress.getByName("192.0.2.1");
    InetAddress two = InetAddress.getByName("192.0.2.2");
    PlanFixtures plan = new PlanFixtures(3);
    plan.epoch(1, plan.all(), plan.all()).outbound(1L);
    SimulatedDataplane nodeOne = network.node(one);
    apply(plan, PlanFixtures.keys(1), reconcilerOn(nodeOne), 1);
    apply(plan, PlanFixtures.keys(1), reconcilerOn(network.node(two)), 2);
    for (int i = 0; i < 3; i++) {
      assertThat(network.send(one, two, 1000).delivered()).isTrue();
    }
    for (int i = 0; i < 2; i++) {
      assertThat(network.send(two, one, 500).delivered()).isTrue();
    }

    InstalledState state =
        reader.read(
            nodeOne, PlanContext.of(plan.status(), "node-1").orElseThrow(), Optional.empty());

    assertThat(state.counters()).hasSize(1);
    EpochCounters c = state.counters().get(0);
    assertThat(c.epoch()).isEqualTo(1);
    assertThat(c.packetsOut()).isEqualTo(3);
    assertThat(c.packetsIn()).isEqualTo(2);
    assertThat(c.bytesOut()).isGreaterThanOrEqualTo(3000).isLessThan(2 * 3000);
    assertThat(c.bytesIn()).isGreaterThanOrEqualTo(1000).isLessThan(2 * 1000);
    assertThat(c.integrityFailures()).isZero();
    assertThat(state.softExpiredEpochs()).isEmpty();
  }

  private static NodeReconciler reconcilerOn(SimulatedDataplane on) {
    return new NodeReconciler(
        on, new DesiredXfrmBuilder(new PairKeyDeriver(), new SpiAllocator()), Clock.systemUTC());
  }

  /** Applies {@code plan} as node-{@code index}'s agent would; returns the peers it enforces. */
  private NodeSet apply(
      PlanFixtures plan,
      io.fabric8.kubernetes.api.model.Secret keys,
      NodeReconciler on,
      int index) {
    String node = PlanFixtures.name(index);
    ClusterSnapshot snapshot =
        new ClusterSnapshot(
            Optional.of(plan.overlay()),
            Optional.of(keys),
            Optional.of(PlanFixtures.node(index)),
            true);
    try (Apply apply = (Apply) interpreter.interpret(snapshot, node);
        NodeDesiredState desired = DesiredStateFactory.forNode(apply.intent(), node)) {
      assertThat(on.reconcile(desired).converged()).isTrue();
      return NodeSet.of(
          desired.peers().stream().filter(p -> p.enforce()).map(p -> p.peer().index()).toList());
    }
  }

  private InstalledState applyAndRead(PlanFixtures plan, io.fabric8.kubernetes.api.model.Secret s) {
    NodeSet enforce = apply(plan, s, reconciler, 1);
    PlanContext context = PlanContext.of(plan.status(), "node-1").orElseThrow();
    return reader.read(dataplane, context, Optional.of(enforce));
  }

  private InstalledState read(PlanFixtures plan) {
    PlanContext context = PlanContext.of(plan.status(), "node-1").orElseThrow();
    return reader.read(dataplane, context, Optional.empty());
  }
}
