package io.secureoverlay.agent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.dataplane.ChangeResult;
import io.secureoverlay.agent.dataplane.ChangeResult.Status;
import io.secureoverlay.agent.dataplane.Dataplane;
import io.secureoverlay.agent.dataplane.DataplaneChange;
import io.secureoverlay.agent.dataplane.DataplaneChange.AddPolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.DeleteSa;
import io.secureoverlay.agent.dataplane.Delivery;
import io.secureoverlay.agent.dataplane.OwnedReqids;
import io.secureoverlay.agent.dataplane.Policy;
import io.secureoverlay.agent.dataplane.PolicyId;
import io.secureoverlay.agent.dataplane.SaId;
import io.secureoverlay.agent.dataplane.SaState;
import io.secureoverlay.agent.dataplane.SimulatedDataplane;
import io.secureoverlay.crypto.PairKeyDeriver;
import io.secureoverlay.spi.SpiAllocator;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A reconciler that may plan against what its last pass applied (Kubernetes mode): node-1 of three,
 * trusting its bookkeeping for a minute after each full read of the data plane.
 */
class TrustingReconcilerTest {

  private static final Duration TRUST = Duration.ofMinutes(1);

  private final SimulatedCluster cluster = new SimulatedCluster(3);
  private final SimulatedDataplane sim = cluster.simulated("node-1");
  private final CountingDataplane counting = new CountingDataplane(sim);
  private final SteppingDataplane dataplane = new SteppingDataplane(counting);
  private final TestClock clock = new TestClock();
  private final NodeReconciler reconciler =
      new NodeReconciler(
          dataplane,
          new DesiredXfrmBuilder(new PairKeyDeriver(), new SpiAllocator()),
          clock,
          TRUST);

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void afterAFullReadTheNextPassesPlanWithoutDumpingAndApplyOnlyWhatChanged() {
    reconcileEveryone(inboundOnly(1));
    reconcile(inboundOnly(1));
    assertThat(counting.dumps).isEqualTo(1);

    ReconcileReport same = reconcile(inboundOnly(1));
    dataplane.clearSent();
    ReconcileReport encrypt = reconcile(encrypting(1));

    assertThat(counting.dumps).isEqualTo(1);
    assertThat(same.results()).isEmpty();
    // Two outbound SAs and the two out policies that use them; the inbound SAs are left alone.
    assertThat(dataplane.sent())
        .extracting(c -> c.getClass().getSimpleName())
        .containsExactly("AddSa", "AddSa", "AddPolicy", "AddPolicy");
    assertThat(encrypt.converged()).isTrue();
    assertThat(sim.dumpSas()).hasSize(4);
    assertThat(cluster.network.send(ip(1), ip(2), 100)).isEqualTo(Delivery.ENCRYPTED);
  }

  @Test
  void aTrustedRotationEndsWithTheSameDataPlaneAsAPassThatReadsEverything() {
    reconcileEveryone(encrypting(1));
    reconcile(encrypting(1));
    ClusterIntent both =
        cluster.intent(
            List.of(1L, 2L),
            OptionalLong.of(2),
            Map.of(1L, cluster.all(), 2L, cluster.all()),
            Set.of(),
            Set.of());
    ClusterIntent second =
        cluster.intent(
            List.of(2L), OptionalLong.of(2), Map.of(2L, cluster.all()), Set.of(), Set.of());
    reconcileEveryone(both);
    reconcile(both);
    reconcileEveryone(second);
    reconcile(second);
    assertThat(counting.dumps).isEqualTo(1);
    List<SaState> trusted = sim.dumpSas();
    List<Policy> trustedPolicies = sim.dumpPolicies();

    ReconcileReport check = reconcileReadingEverything(second);

    assertThat(check.results()).as("a full read finds nothing to change").isEmpty();
    assertThat(trusted).extracting(SaState::reqid).doesNotContain(OwnedReqids.outbound(1));
    assertThat(trusted).hasSize(4);
    assertThat(trustedPolicies).hasSize(2);
    assertThat(cluster.network.send(ip(1), ip(3), 100)).isEqualTo(Delivery.ENCRYPTED);
  }

  @Test
  void driftBehindItsBackIsRepairedByTheFirstPassAfterTheTrustRunsOut() {
    reconcileEveryone(encrypting(1));
    reconcile(encrypting(1));
    SaId outbound =
        sim.dumpSas().stream()
            .filter(sa -> sa.id().destination().equals(ip(2)))
            .findFirst()
            .orElseThrow()
            .id();
    sim.apply(List.of(new DeleteSa(outbound)));

    ReconcileReport trusting = reconcile(encrypting(1));
    clock.advance(TRUST);
    ReconcileReport reading = reconcile(encrypting(1));

    assertThat(trusting.results()).as("within the trust window the drift is not seen").isEmpty();
    assertThat(reading.changesMade())
        .extracting(r -> r.change().getClass().getSimpleName())
        .containsExactly("AddSa");
    assertThat(counting.dumps).isEqualTo(2);
    assertThat(cluster.network.send(ip(1), ip(2), 100)).isEqualTo(Delivery.ENCRYPTED);
  }

  @Test
  void aFailedChangeEndsTheTrustSoTheNextPassReadsAndRetries() {
    reconcileEveryone(inboundOnly(1));
    reconcile(inboundOnly(1));
    boolean[] failOnce = {true};
    dataplane.intercept(
        c -> {
          if (c instanceof AddPolicy && failOnce[0]) {
            failOnce[0] = false;
            return Optional.of(ChangeResult.failed(c, Status.OTHER, "ENOBUFS"));
          }
          return Optional.empty();
        });

    ReconcileReport failed = reconcile(encrypting(1));
    ReconcileReport retried = reconcile(encrypting(1));

    assertThat(failed.failures()).hasSize(1);
    assertThat(counting.dumps).isEqualTo(2);
    assertThat(retried.changesMade())
        .extracting(ChangeResult::change)
        .singleElement()
        .isInstanceOf(AddPolicy.class);
    assertThat(sim.dumpPolicies()).hasSize(2);
  }

  @Test
  void removeAllEndsTheTrust() {
    reconcile(inboundOnly(1));
    reconciler.removeAll();

    ReconcileReport again = reconcile(inboundOnly(1));

    assertThat(again.changesMade()).hasSize(2);
    assertThat(sim.dumpSas()).hasSize(2);
  }

  private ReconcileReport reconcile(ClusterIntent intent) {
    try (NodeDesiredState desired = DesiredStateFactory.forNode(intent, "node-1")) {
      return reconciler.reconcile(desired);
    }
  }

  private ReconcileReport reconcileReadingEverything(ClusterIntent intent) {
    NodeReconciler reading =
        new NodeReconciler(
            sim, new DesiredXfrmBuilder(new PairKeyDeriver(), new SpiAllocator()), clock);
    try (NodeDesiredState desired = DesiredStateFactory.forNode(intent, "node-1")) {
      return reading.reconcile(desired);
    }
  }

  private void reconcileEveryone(ClusterIntent intent) {
    for (String node : List.of("node-2", "node-3")) {
      try (NodeDesiredState desired = DesiredStateFactory.forNode(intent, node)) {
        cluster.reconcilers.get(node).reconcile(desired);
      }
    }
  }

  private ClusterIntent inboundOnly(long k) {
    return cluster.intent(
        List.of(k), OptionalLong.empty(), Map.of(k, Set.of()), Set.of(), Set.of());
  }

  private ClusterIntent encrypting(long k) {
    return cluster.intent(
        List.of(k), OptionalLong.of(k), Map.of(k, cluster.all()), Set.of(), Set.of());
  }

  private static InetAddress ip(int i) {
    return SimulatedCluster.ip("10.0.0." + i);
  }

  /** Counts full reads (SA dumps); everything else passes through. */
  private static final class CountingDataplane implements Dataplane {
    private final Dataplane inner;
    private int dumps;

    CountingDataplane(Dataplane inner) {
      this.inner = inner;
    }

    @Override
    public List<SaState> dumpSas() {
      dumps++;
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
      return inner.apply(changes);
    }
  }

  private static final class TestClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
