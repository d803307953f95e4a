package io.secureoverlay.agent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.dataplane.DataplaneChange;
import io.secureoverlay.agent.dataplane.DataplaneChange.AddPolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.DeletePolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.UpdatePolicy;
import io.secureoverlay.agent.dataplane.OwnedReqids;
import io.secureoverlay.agent.dataplane.Policy;
import io.secureoverlay.agent.dataplane.PolicyDirection;
import io.secureoverlay.agent.dataplane.TrafficReport;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Enable, rotate, disable, restart, join and leave on six simulated nodes, with IPIP traffic
 * between every pair after every single change on any node. The bar is zero packets lost.
 */
class ClusterTransitionsTest {

  private static final long K = 1;
  private static final long NEXT = 2;

  private final SimulatedCluster cluster = new SimulatedCluster(6);

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void enableInThreePhasesLosesNoPacket() {
    cluster.sendBetweenAll();
    assertThat(cluster.takeTraffic().plaintext()).isEqualTo(30);

    cluster.converge(cluster.inboundOnly(K));
    TrafficReport phase1 = report("enable phase 1 (inbound SAs)");
    assertThat(phase1.lost()).isZero();
    assertThat(phase1.encrypted()).isZero();

    cluster.converge(cluster.encrypting(K));
    TrafficReport phase2 = report("enable phase 2 (outbound SA + policy)");
    assertThat(phase2.lost()).isZero();
    assertThat(phase2.encrypted()).isPositive();

    cluster.converge(cluster.enforcing(K));
    TrafficReport phase3 = report("enable phase 3 (enforce)");
    assertThat(phase3.lost()).isZero();
    assertThat(phase3.plaintext()).isZero();

    cluster.sendBetweenAll();
    assertThat(cluster.takeTraffic().encrypted()).isEqualTo(30);
    for (String node : cluster.nodes.keySet()) {
      assertThat(cluster.simulated(node).dumpSas()).hasSize(10);
      assertThat(cluster.simulated(node).dumpPolicies()).hasSize(10);
    }
  }

  @Test
  void rotationUnderEnforcementLosesNoPacketAndSwitchesByPolicyUpdate() {
    enable(K);

    cluster.converge(rotateInbound(K, NEXT));
    assertThat(report("rotate phase 1 (inbound k+1)").lost()).isZero();

    cluster.dataplanes.values().forEach(SteppingDataplane::clearSent);
    cluster.converge(rotateOutbound(K, NEXT));
    assertThat(report("rotate phase 2 (outbound switch)").lost()).isZero();
    for (SteppingDataplane dp : cluster.dataplanes.values()) {
      List<DataplaneChange> policyChanges =
          dp.sent().stream().filter(c -> c.describe().contains("policy")).toList();
      assertThat(policyChanges).hasSize(5).allMatch(c -> c instanceof UpdatePolicy);
    }

    cluster.converge(cluster.enforcing(NEXT));
    assertThat(report("rotate phase 3 (retire k)").lost()).isZero();
    int nextReqid = OwnedReqids.outbound((int) (NEXT % 4));
    for (String node : cluster.nodes.keySet()) {
      assertThat(cluster.simulated(node).dumpSas()).hasSize(10);
      assertThat(cluster.simulated(node).dumpPolicies())
          .filteredOn(p -> p.direction() == PolicyDirection.OUT)
          .extracting(p -> p.template().reqid())
          .containsOnly(nextReqid);
    }
    cluster.sendBetweenAll();
    assertThat(cluster.takeTraffic().encrypted()).isEqualTo(30);
  }

  @Test
  void aNaiveSwitchWithoutTheInboundPhaseLosesPackets() {
    enable(K);

    // Each node drops epoch k and installs k+1 in one go, without waiting for the others.
    cluster.converge(
        cluster.intent(
            List.of(NEXT), OptionalLong.of(NEXT), Map.of(NEXT, cluster.all()), Set.of(), Set.of()));
    TrafficReport naive = report("naive switch (delete k, add k+1 per node)");

    assertThat(naive.lost()).isPositive();
    assertThat(naive.dropsByReason()).containsKey("XfrmInNoStates");
  }

  @Test
  void disableInThreePhasesLosesNoPacketAndLeavesNothing() {
    enable(K);

    cluster.converge(
        cluster.intent(
            List.of(K), OptionalLong.of(K), Map.of(K, cluster.all()), Set.of(), cluster.all()));
    assertThat(report("disable phase 1 (stop enforcing)").lost()).isZero();
    cluster.converge(cluster.inboundOnly(K));
    assertThat(report("disable phase 2 (stop encrypting)").lost()).isZero();
    cluster.converge(cluster.intent(List.of(), OptionalLong.empty(), Map.of(), Set.of(), Set.of()));
    assertThat(report("disable phase 3 (delete SAs)").lost()).isZero();

    for (String node : cluster.nodes.keySet()) {
      assertThat(cluster.simulated(node).allSas()).isEmpty();
      assertThat(cluster.simulated(node).allPolicies()).isEmpty();
    }
  }

  @Test
  void restartedAgentsChangeNothingAndTrafficFlows() {
    enable(K);

    for (Map.Entry<String, SteppingDataplane> e : cluster.dataplanes.entrySet()) {
      NodeReconciler fresh = SimulatedCluster.reconcilerFor(e.getValue());
      try (NodeDesiredState desired =
          DesiredStateFactory.forNode(cluster.enforcing(K), e.getKey())) {
        assertThat(fresh.reconcile(desired).results()).isEmpty();
      }
    }
    cluster.sendBetweenAll();
    TrafficReport after = report("after restart");
    assertThat(after.lost()).isZero();
    assertThat(after.encrypted()).isEqualTo(30);
  }

  @Test
  void aJoiningAndALeavingNodeLoseNoPacket() {
    enable(K);
    Set<Integer> old = cluster.all();
    cluster.join(7);

    // 1: everyone installs inbound SAs for the newcomer; nobody encrypts toward it yet.
    cluster.converge(cluster.intent(List.of(K), OptionalLong.of(K), Map.of(K, old), old, old));
    assertThat(report("join phase 1").lost()).isZero();
    // 2: the newcomer is inbound-ready: everyone encrypts toward it, it toward everyone.
    cluster.converge(
        cluster.intent(List.of(K), OptionalLong.of(K), Map.of(K, cluster.all()), old, old));
    assertThat(report("join phase 2").lost()).isZero();
    // 3: it is acknowledged as encrypting: enforcement covers it, and it enforces.
    cluster.converge(cluster.enforcing(K));
    assertThat(report("join phase 3").lost()).isZero();
    cluster.sendBetweenAll();
    assertThat(cluster.takeTraffic().encrypted()).isEqualTo(42);

    // Leave, the reverse of joining: node-7 stops enforcing and is no longer counted as
    // encrypting; then nobody encrypts toward it; then it removes its state.
    cluster.converge(
        cluster.intent(List.of(K), OptionalLong.of(K), Map.of(K, cluster.all()), old, old));
    assertThat(report("leave phase 1 (node-7 stops enforcing)").lost()).isZero();
    cluster.converge(cluster.intent(List.of(K), OptionalLong.of(K), Map.of(K, old), old, old));
    assertThat(report("leave phase 2 (nobody encrypts toward node-7)").lost()).isZero();
    cluster.reconcilers.get("node-7").removeAll();
    assertThat(report("leave phase 3 (node-7 removes its state)").lost()).isZero();
    cluster.leave("node-7");
    cluster.converge(cluster.enforcing(K));
    assertThat(report("leave phase 4 (peers forget node-7)").lost()).isZero();
    assertThat(cluster.simulated("node-1").dumpSas()).hasSize(10);
  }

  @Test
  void removeAllLeavesForeignStateAndRemovesOurs() {
    enable(K);
    Policy foreign =
        io.secureoverlay.agent.dataplane.DataplaneFixtures.policy(
            SimulatedCluster.ip("192.168.0.1"),
            SimulatedCluster.ip("10.0.0.1"),
            PolicyDirection.IN,
            42);
    cluster.simulated("node-1").seedForeignPolicy(foreign);

    ReconcileReport report = cluster.reconcilers.get("node-1").removeAll();

    assertThat(report.failures()).isEmpty();
    assertThat(report.changesMade()).hasSize(20);
    assertThat(report.results().get(0).change()).isInstanceOf(DeletePolicy.class);
    assertThat(cluster.simulated("node-1").allSas()).isEmpty();
    assertThat(cluster.simulated("node-1").allPolicies()).containsExactly(foreign);
    assertThat(report.results()).noneMatch(r -> r.change() instanceof AddPolicy);
  }

  private void enable(long epoch) {
    cluster.converge(cluster.inboundOnly(epoch));
    cluster.converge(cluster.encrypting(epoch));
    cluster.converge(cluster.enforcing(epoch));
    assertThat(report("enable").lost()).isZero();
  }

  private ClusterIntent rotateInbound(long k, long next) {
    return cluster.intent(
        List.of(k, next),
        OptionalLong.of(k),
        Map.of(k, cluster.all(), next, Set.of()),
        cluster.all(),
        cluster.all());
  }

  private ClusterIntent rotateOutbound(long k, long next) {
    return cluster.intent(
        List.of(k, next),
        OptionalLong.of(next),
        Map.of(k, cluster.all(), next, cluster.all()),
        cluster.all(),
        cluster.all());
  }

  private TrafficReport report(String step) {
    TrafficReport t = cluster.takeTraffic();
    System.out.println("[traffic] " + step + ": " + t);
    return t;
  }
}
