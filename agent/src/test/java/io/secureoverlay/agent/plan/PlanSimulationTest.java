package io.secureoverlay.agent.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.dataplane.TrafficReport;
import io.secureoverlay.master.PlanEvent;
import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.MemberState;
import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.protocol.SecureOverlayStatus;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plan protocol proved on the model, before any Kubernetes plumbing: the real {@code
 * PlanEngine} and real agents ({@code DesiredStateFactory}, {@code NodeReconciler}) on simulated
 * data planes, acting in seeded random orders, with traffic between every pair after every single
 * data-plane change. The bar is zero packets lost, which also means no pair was ever one-sided.
 */
class PlanSimulationTest {

  private PlanSimulation sim;

  @AfterEach
  void close() {
    if (sim != null) {
      sim.close();
    }
  }

  static Stream<Arguments> orders() {
    return Stream.of(
        Arguments.of(PlanSimulation.Order.RANDOM, 1L),
        Arguments.of(PlanSimulation.Order.LOCKSTEP, 3L));
  }

  @ParameterizedTest(name = "{0} order, seed {1}")
  @MethodSource("orders")
  void enableRotateFiveTimesAndDisableFiftyNodesWithoutLosingAPacket(
      PlanSimulation.Order order, long seed) {
    sim = new PlanSimulation(50, PlanIntents.GATED, order, seed);
    sim.master.spec.setEnforce(true);
    sim.settle();
    assertThat(sim.sweep().plaintext()).isEqualTo(50 * 49);

    int before = sim.totalWrites();
    enable();
    assertEveryPairEncrypted(50);
    assertThat(status().getEnforcing().size()).isEqualTo(50);
    assertWritesPerNodeAtMost(before, 4, "enable");

    for (int i = 1; i <= 5; i++) {
      long old = status().getOutboundEpoch();
      before = sim.totalWrites();
      rotateNow("rotation-" + i);
      assertThat(status().getOutboundEpoch()).isEqualTo(old + 1);
      assertThat(status().getEpochs()).hasSize(1);
      assertThat(sim.master.secrets().keySet()).containsExactly(old + 1);
      assertEveryPairEncrypted(50);
      assertWritesPerNodeAtMost(before, 4, "rotation " + i);
    }

    before = sim.totalWrites();
    sim.master.spec.setEnabled(false);
    sim.master.specChanged();
    sim.settle();
    assertThat(status().getPhase()).isEqualTo(OverlayPhase.DISABLED);
    assertThat(sim.sweep().plaintext()).isEqualTo(50 * 49);
    for (SimAgent agent : sim.agents.values()) {
      assertThat(sim.network.node(agent.underlay).allSas()).isEmpty();
      assertThat(sim.network.node(agent.underlay).allPolicies()).isEmpty();
    }
    assertThat(sim.master.secrets()).isEmpty();
    assertWritesPerNodeAtMost(before, 4, "disable");

    System.out.printf(
        "[plan-sim] 50 nodes %s seed %d: %d packets after changes, %d lost, %d plan writes,"
            + " %d agent writes%n",
        order, seed, sim.sent(), sim.lost(), sim.master.statusWrites, sim.totalWrites());
    assertNothingLost();
    assertThat(sim.sent()).isGreaterThan(1_000_000);
    assertThat(sim.master.maxPlanEpochs).isEqualTo(2);
    assertThat(sim.master.maxSecretEpochs).isLessThanOrEqualTo(3);
  }

  @ParameterizedTest(name = "joins during {0}")
  @ValueSource(strings = {"InstallInbound", "SwitchOutbound", "RetireGrace", "RemoveRetired"})
  void aNodeJoiningDuringARotationLosesNothingAndEndsUpEncrypting(String step) {
    sim = new PlanSimulation(12, PlanIntents.GATED, PlanSimulation.Order.RANDOM, step.length());
    sim.master.spec.setEnforce(true);
    sim.settle();
    enable();
    startRotation("join");
    sim.runUntil(() -> atStep(step), 100_000);

    sim.addNode(13);
    sim.settle();

    assertNothingLost();
    assertThat(row("node-13").effectiveState()).isEqualTo(MemberState.MEMBER);
    assertThat(status().getEnforcing().contains(row("node-13").index())).isTrue();
    assertEveryPairEncrypted(13);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GATED", "NAIVE"})
  void aJoiningNodeThatEncryptsAtOnceLosesPacketsTheGatedOneDoesNot(String rule) {
    PlanIntents intents = PlanIntents.valueOf(rule);
    sim = new PlanSimulation(6, intents, PlanSimulation.Order.LOCKSTEP, 7);
    sim.settle();
    enable();

    // The newcomer applies the plan that lists it before any peer has.
    SimAgent newcomer = sim.addNode(7);
    sim.masterRound();
    newcomer.act();
    sim.settle();

    if (intents == PlanIntents.NAIVE) {
      assertThat(sim.lost()).as("the naive rule").isPositive();
      assertThat(sim.drops()).anyMatch(d -> d.contains("XfrmInNoStates"));
    } else {
      assertNothingLost();
      assertEveryPairEncrypted(7);
    }
  }

  @ParameterizedTest(name = "leaves during {0}")
  @ValueSource(strings = {"InstallInbound", "SwitchOutbound", "RemoveRetired"})
  void aNodeExcludedBySpecDuringARotationLeavesWithoutLoss(String step) {
    sim = new PlanSimulation(10, PlanIntents.GATED, PlanSimulation.Order.RANDOM, 11);
    sim.master.spec.setEnforce(true);
    sim.settle();
    enable();
    startRotation("leave");
    sim.runUntil(() -> atStep(step), 100_000);

    sim.master.spec.setExcludeNodes(List.of("node-4"));
    sim.master.specChanged();
    sim.settle();

    assertNothingLost();
    assertThat(status().getNodes()).extracting(IndexedNode::name).doesNotContain("node-4");
    SimAgent leaver = sim.agents.get("node-4");
    assertThat(sim.network.node(leaver.underlay).allSas()).isEmpty();
    assertThat(sim.network.node(leaver.underlay).allPolicies()).isEmpty();
    TrafficReport all = sim.sweep();
    assertThat(all.lost()).isZero();
    assertThat(all.plaintext()).isEqualTo(2 * 9);
    assertThat(all.encrypted()).isEqualTo(9 * 8);
  }

  @ParameterizedTest(name = "deleted during {0}")
  @ValueSource(strings = {"InstallInbound", "SwitchOutbound", "RemoveRetired"})
  void aNodeDeletedDuringARotationIsForgottenWithoutLoss(String step) {
    sim = new PlanSimulation(10, PlanIntents.GATED, PlanSimulation.Order.RANDOM, 13);
    sim.master.spec.setEnforce(true);
    sim.settle();
    enable();
    startRotation("delete");
    sim.runUntil(() -> atStep(step), 100_000);

    sim.deleteNode("node-6");
    sim.settle();

    assertNothingLost();
    assertThat(status().getNodes()).extracting(IndexedNode::name).doesNotContain("node-6");
    assertThat(status().getTransition()).isNull();
    assertEveryPairEncrypted(9);
    SimAgent survivor = sim.agents.get("node-1");
    assertThat(sim.network.node(survivor.underlay).allSas()).hasSize(2 * 8);
  }

  @ParameterizedTest(name = "{0} order")
  @ValueSource(strings = {"RANDOM", "LOCKSTEP"})
  void aNodeThatGoesAwayIsExcludedAndCatchesUpWhenItReturns(String order) {
    sim = new PlanSimulation(8, PlanIntents.GATED, PlanSimulation.Order.valueOf(order), 17);
    sim.master.spec.setEnforce(true);
    sim.settle();
    enable();

    // node-8's machine goes down; its Node object stays (NotReady).
    SimAgent gone = sim.stopAgent("node-8");
    sim.network.remove(gone.underlay);
    rotateNowWithin("while-away", Duration.ofMinutes(10));
    assertThat(status().getExcluded()).contains("node-8");
    assertThat(row("node-8").effectiveState()).isEqualTo(MemberState.JOINING);
    assertThat(reasons()).contains("NodeLagging", "NodeExcluded");

    // It comes back rebooted: empty kernel tables, a fresh agent.
    sim.agents.put("node-8", new SimAgent("node-8", gone.underlay, sim));
    sim.settle();

    assertNothingLost();
    assertThat(row("node-8").effectiveState()).isEqualTo(MemberState.MEMBER);
    assertThat(status().getExcluded()).isEmpty();
    assertThat(status().getEnforcing().contains(row("node-8").index())).isTrue();
    assertThat(reasons()).contains("NodeCaughtUp");
    assertEveryPairEncrypted(8);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22})
  void softLifetimeReportsRotateEarly(long seed) {
    sim = new PlanSimulation(6, PlanIntents.GATED, PlanSimulation.Order.RANDOM, seed);
    sim.settle();
    enable();
    long epoch = status().getOutboundEpoch();

    sim.setSoftExpired("node-3", Set.of(epoch));
    sim.settle();

    assertNothingLost();
    assertThat(status().getOutboundEpoch()).isEqualTo(epoch + 1);
    assertThat(reasons()).contains("RotationStarted");
    assertEveryPairEncrypted(6);
  }

  // ---- helpers

  private void enable() {
    sim.master.spec.setEnabled(true);
    sim.master.specChanged();
    sim.settle();
    assertThat(status().getPhase()).isEqualTo(OverlayPhase.ENABLED);
  }

  private void startRotation(String token) {
    sim.master.spec.setRotateNowToken(token);
    sim.master.specChanged();
  }

  private void rotateNow(String token) {
    rotateNowWithin(token, Duration.ofMinutes(1));
  }

  private void rotateNowWithin(String token, Duration horizon) {
    startRotation(token);
    sim.settle(horizon);
    assertThat(status().getPhase()).isEqualTo(OverlayPhase.ENABLED);
    assertThat(status().getHandledRotateNowToken()).isEqualTo(token);
  }

  private boolean atStep(String step) {
    SecureOverlayStatus s = status();
    return s != null && s.getTransition() != null && step.equals(s.getTransition().step());
  }

  private SecureOverlayStatus status() {
    return sim.status();
  }

  private IndexedNode row(String name) {
    return status().getNodes().stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private List<String> reasons() {
    return sim.master.events.stream().map(PlanEvent::reason).toList();
  }

  private void assertEveryPairEncrypted(int nodes) {
    TrafficReport all = sim.sweep();
    assertThat(all.lost()).isZero();
    assertThat(all.encrypted()).as("encrypted pairs").isEqualTo((long) nodes * (nodes - 1));
  }

  private void assertNothingLost() {
    assertThat(sim.lost()).as("packets lost; first drops: %s", sim.drops()).isZero();
  }

  private void assertWritesPerNodeAtMost(int before, int limit, String transition) {
    double perNode = (double) (sim.totalWrites() - before) / sim.agents.size();
    assertThat(perNode)
        .as("status writes per node during " + transition)
        .isLessThanOrEqualTo(limit);
  }
}
