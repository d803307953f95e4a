package io.secureoverlay.agent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.dataplane.ChangeResult;
import io.secureoverlay.agent.dataplane.ChangeResult.Status;
import io.secureoverlay.agent.dataplane.DataplaneChange;
import io.secureoverlay.agent.dataplane.DataplaneChange.AddPolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.AddSa;
import io.secureoverlay.agent.dataplane.DataplaneChange.DeleteSa;
import io.secureoverlay.agent.dataplane.DataplaneChange.UpdatePolicy;
import io.secureoverlay.agent.dataplane.DataplaneFixtures;
import io.secureoverlay.agent.dataplane.Delivery;
import io.secureoverlay.agent.dataplane.OwnedReqids;
import io.secureoverlay.agent.dataplane.SaSpec;
import io.secureoverlay.agent.dataplane.SaState;
import io.secureoverlay.agent.dataplane.SimulatedDataplane;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One node (node-1 of three) reconciled against a simulated data plane. */
class NodeReconcilerTest {

  private final SimulatedCluster cluster = new SimulatedCluster(3);
  private final SteppingDataplane dataplane = cluster.dataplanes.get("node-1");
  private final SimulatedDataplane sim = cluster.simulated("node-1");
  private final NodeReconciler reconciler = cluster.reconcilers.get("node-1");

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void aSecondPassChangesNothing() {
    ReconcileReport first = reconcile(cluster.enforcing(1));
    ReconcileReport second = reconcile(cluster.enforcing(1));

    assertThat(first.changesMade()).hasSize(8);
    assertThat(second.results()).isEmpty();
    assertThat(second.converged()).isTrue();
  }

  @Test
  void saAddsComeBeforeThePoliciesThatUseThem() {
    reconcile(cluster.enforcing(1));

    List<DataplaneChange> sent = dataplane.sent();
    int lastSa = lastIndexOf(sent, AddSa.class);
    int firstPolicy = firstIndexOf(sent, AddPolicy.class);
    assertThat(lastSa).isLessThan(firstPolicy);
  }

  @Test
  void anEpochSwitchIsOneAtomicPolicyUpdateThenTheOldSaGoes() {
    reconcile(cluster.enforcing(1));
    dataplane.clearSent();

    reconcile(
        cluster.intent(
            List.of(1L, 2L),
            OptionalLong.of(2),
            Map.of(1L, cluster.all(), 2L, cluster.all()),
            Set.of(),
            Set.of()));

    List<String> kinds = dataplane.sent().stream().map(c -> c.getClass().getSimpleName()).toList();
    // 2 inbound + 2 outbound SAs for epoch 2, 2 in policies dropped, 2 switches, 2 old out SAs.
    assertThat(kinds)
        .containsExactly(
            "AddSa",
            "AddSa",
            "AddSa",
            "AddSa",
            "DeletePolicy",
            "DeletePolicy",
            "UpdatePolicy",
            "UpdatePolicy",
            "DeleteSa",
            "DeleteSa");
  }

  @Test
  void anSaInstalledBehindOurBackIsReplacedByDeleteAndAdd() {
    try (SecretBytes stale = DataplaneFixtures.key(Cipher.AES_GCM_128, 77)) {
      SaSpec wrong = DataplaneFixtures.sa(ip(2), ip(1), 0x5E400002, OwnedReqids.INBOUND, stale);
      installBeforeFirstChange(new AddSa(wrong));

      ReconcileReport report = reconcile(cluster.inboundOnly(1));

      assertThat(report.failures()).isEmpty();
      assertThat(report.results())
          .extracting(r -> r.change().getClass().getSimpleName() + ":" + r.status())
          .contains("DeleteSa:OK");
      SaState installed = sim.getSa(wrong.id()).orElseThrow();
      assertThat(installed.keyFingerprint()).isNotEqualTo(stale.fingerprint());
      assertThat(reconcile(cluster.inboundOnly(1)).results()).isEmpty();
    }
  }

  @Test
  void aPolicyInstalledBehindOurBackIsUpdatedNotDeleted() {
    installBeforeFirstChange(
        new AddPolicy(DataplaneFixtures.outPolicy(ip(1), ip(2), OwnedReqids.outbound(3))));

    ReconcileReport report = reconcile(cluster.encrypting(1));

    assertThat(report.failures()).isEmpty();
    assertThat(report.results())
        .filteredOn(r -> r.change() instanceof UpdatePolicy)
        .extracting(ChangeResult::status)
        .containsExactly(Status.OK);
    assertThat(reconcile(cluster.encrypting(1)).results()).isEmpty();
  }

  @Test
  void aFailedOutboundSaHoldsBackItsPolicySoTrafficStaysPlaintext() {
    dataplane.intercept(
        c ->
            c instanceof AddSa add && add.sa().id().destination().equals(ip(2))
                ? Optional.of(ChangeResult.failed(c, Status.INVALID, "EINVAL"))
                : Optional.empty());
    cluster.reconcileAllBut("node-1", cluster.inboundOnly(1));

    ReconcileReport report = reconcile(cluster.encrypting(1));

    assertThat(report.failures()).hasSize(1);
    assertThat(report.skipped()).singleElement().asString().contains("10.0.0.2");
    assertThat(sim.dumpPolicies())
        .extracting(p -> p.selector().destination())
        .containsExactly(ip(3));
    assertThat(cluster.network.send(ip(1), ip(2), 100)).isEqualTo(Delivery.PLAINTEXT);
    assertThat(cluster.network.send(ip(1), ip(3), 100)).isEqualTo(Delivery.ENCRYPTED);
  }

  @Test
  void anSaStillUsedByAPolicyThatFailedToSwitchIsKept() {
    cluster.reconcileAllBut("node-1", cluster.inboundOnly(1));
    reconcile(cluster.encrypting(1));
    dataplane.intercept(
        c ->
            c instanceof UpdatePolicy
                ? Optional.of(ChangeResult.failed(c, Status.OTHER, "ENOBUFS"))
                : Optional.empty());

    ReconcileReport report =
        reconcile(
            cluster.intent(
                List.of(2L), OptionalLong.of(2), Map.of(2L, cluster.all()), Set.of(), Set.of()));

    assertThat(report.failures()).hasSize(2);
    assertThat(report.skipped()).hasSize(2).allMatch(s -> s.contains("still uses it"));
    assertThat(sim.dumpSas()).filteredOn(sa -> sa.reqid() == OwnedReqids.outbound(1)).hasSize(2);
  }

  @Test
  void everyPairKeyIsZeroedAfterThePass() {
    List<SecretBytes> keys = new ArrayList<>();
    dataplane.intercept(
        c -> {
          if (c instanceof AddSa add) {
            keys.add(add.sa().key());
          }
          return Optional.empty();
        });

    reconcile(cluster.enforcing(1));

    assertThat(keys).hasSize(4).allMatch(SecretBytes::isDestroyed);
  }

  @Test
  void removeAllTakesPoliciesFirstAndLeavesForeignSas() {
    try (SecretBytes foreignKey = DataplaneFixtures.key(Cipher.AES_GCM_128, 5)) {
      SaSpec foreign = DataplaneFixtures.sa(ip(9), ip(1), 0xC0001234, 17, foreignKey);
      sim.seedForeignSa(foreign);
      reconcile(cluster.enforcing(1));
      dataplane.clearSent();

      ReconcileReport report = reconciler.removeAll();

      assertThat(report.converged()).isTrue();
      List<DataplaneChange> sent = dataplane.sent();
      assertThat(sent).hasSize(8);
      assertThat(firstIndexOf(sent, DeleteSa.class)).isEqualTo(4);
      assertThat(sim.allSas()).extracting(SaState::id).containsExactly(foreign.id());
    }
  }

  private ReconcileReport reconcile(ClusterIntent intent) {
    try (NodeDesiredState desired = DesiredStateFactory.forNode(intent, "node-1")) {
      return reconciler.reconcile(desired);
    }
  }

  /** Simulates a race: the change lands on the data plane after the dump, before our batch. */
  private void installBeforeFirstChange(DataplaneChange racing) {
    boolean[] done = {false};
    dataplane.intercept(
        c -> {
          if (!done[0]) {
            done[0] = true;
            sim.apply(List.of(racing));
          }
          return Optional.empty();
        });
  }

  private static java.net.InetAddress ip(int i) {
    return SimulatedCluster.ip("10.0.0." + i);
  }

  private static int firstIndexOf(List<DataplaneChange> changes, Class<?> kind) {
    for (int i = 0; i < changes.size(); i++) {
      if (kind.isInstance(changes.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOf(List<DataplaneChange> changes, Class<?> kind) {
    int last = -1;
    for (int i = 0; i < changes.size(); i++) {
      if (kind.isInstance(changes.get(i))) {
        last = i;
      }
    }
    return last;
  }
}
