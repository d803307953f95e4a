package io.secureoverlay.agent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.dataplane.ChangeResult;
import io.secureoverlay.agent.dataplane.ChangeResult.Status;
import io.secureoverlay.agent.dataplane.DataplaneChange.AddPolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.DeleteSa;
import io.secureoverlay.agent.dataplane.Delivery;
import io.secureoverlay.agent.dataplane.OwnedReqids;
import io.secureoverlay.agent.dataplane.Policy;
import io.secureoverlay.agent.dataplane.SaId;
import io.secureoverlay.agent.dataplane.SaState;
import io.secureoverlay.agent.dataplane.SimulatedDataplane;
import io.secureoverlay.agent.staticconfig.MutableClock;
import io.secureoverlay.crypto.PairKeyDeriver;
import io.secureoverlay.spi.SpiAllocator;
import java.net.InetAddress;
import java.time.Duration;
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
  private final SteppingDataplane dataplane = new SteppingDataplane(sim);
  private final MutableClock clock = new MutableClock();
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
    cluster.reconcileAllBut("node-1", cluster.inboundOnly(1));
    reconcile(cluster.inboundOnly(1));
    assertThat(dataplane.sasDumps()).isEqualTo(1);

    ReconcileReport same = reconcile(cluster.inboundOnly(1));
    dataplane.clearSent();
    ReconcileReport encrypt = reconcile(cluster.encrypting(1));

    assertThat(dataplane.sasDumps()).isEqualTo(1);
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
    cluster.reconcileAllBut("node-1", cluster.encrypting(1));
    reconcile(cluster.encrypting(1));
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
    cluster.reconcileAllBut("node-1", both);
    reconcile(both);
    cluster.reconcileAllBut("node-1", second);
    reconcile(second);
    assertThat(dataplane.sasDumps()).isEqualTo(1);
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
    cluster.reconcileAllBut("node-1", cluster.encrypting(1));
    reconcile(cluster.encrypting(1));
    SaId outbound =
        sim.dumpSas().stream()
            .filter(sa -> sa.id().destination().equals(ip(2)))
            .findFirst()
            .orElseThrow()
            .id();
    sim.apply(List.of(new DeleteSa(outbound)));

    ReconcileReport trusting = reconcile(cluster.encrypting(1));
    clock.advance(TRUST);
    ReconcileReport reading = reconcile(cluster.encrypting(1));

    assertThat(trusting.results()).as("within the trust window the drift is not seen").isEmpty();
    assertThat(reading.changesMade())
        .extracting(r -> r.change().getClass().getSimpleName())
        .containsExactly("AddSa");
    assertThat(dataplane.sasDumps()).isEqualTo(2);
    assertThat(cluster.network.send(ip(1), ip(2), 100)).isEqualTo(Delivery.ENCRYPTED);
  }

  @Test
  void aFailedChangeEndsTheTrustSoTheNextPassReadsAndRetries() {
    cluster.reconcileAllBut("node-1", cluster.inboundOnly(1));
    reconcile(cluster.inboundOnly(1));
    boolean[] failOnce = {true};
    dataplane.intercept(
        c -> {
          if (c instanceof AddPolicy && failOnce[0]) {
            failOnce[0] = false;
            return Optional.of(ChangeResult.failed(c, Status.OTHER, "ENOBUFS"));
          }
          return Optional.empty();
        });

    ReconcileReport failed = reconcile(cluster.encrypting(1));
    ReconcileReport retried = reconcile(cluster.encrypting(1));

    assertThat(failed.failures()).hasSize(1);
    assertThat(dataplane.sasDumps()).isEqualTo(2);
    assertThat(retried.changesMade())
        .extracting(ChangeResult::change)
        .singleElement()
        .isInstanceOf(AddPolicy.class);
    assertThat(sim.dumpPolicies()).hasSize(2);
  }

  @Test
  void removeAllEndsTheTrust() {
    reconcile(cluster.inboundOnly(1));
    reconciler.removeAll();

    ReconcileReport again = reconcile(cluster.inboundOnly(1));

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

  private static InetAddress ip(int i) {
    return SimulatedCluster.ip("10.0.0." + i);
  }
}
