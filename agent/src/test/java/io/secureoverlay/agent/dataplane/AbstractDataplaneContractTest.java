package io.secureoverlay.agent.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.dataplane.ChangeResult.Status;
import io.secureoverlay.agent.dataplane.DataplaneChange.AddPolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.AddSa;
import io.secureoverlay.agent.dataplane.DataplaneChange.DeletePolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.DeleteSa;
import io.secureoverlay.agent.dataplane.DataplaneChange.UpdatePolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.UpdateSa;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Dataplane} must do, run against the simulated one ({@code
 * SimulatedDataplaneTest}) and the kernel's (its IT, in a fresh network namespace). A subclass
 * supplies an empty data plane and a way to install and look for foreign state beside it.
 */
public abstract class AbstractDataplaneContractTest {

  protected static final InetAddress SELF = DataplaneFixtures.ip("10.0.0.1");
  protected static final InetAddress PEER = DataplaneFixtures.ip("10.0.0.2");
  protected static final InetAddress OTHER = DataplaneFixtures.ip("10.0.0.3");

  protected Dataplane dataplane;

  /** A data plane with no owned state. */
  protected abstract Dataplane createDataplane();

  /** Installs an SA with a foreign reqid beside the data plane, as another IPsec user would. */
  protected abstract void seedForeignSa(SaSpec sa);

  /** Installs a policy with a foreign template reqid, as another IPsec user would. */
  protected abstract void seedForeignPolicy(Policy policy);

  /** Whether the foreign SA is still installed, looked up beside the data plane. */
  protected abstract boolean foreignSaInstalled(SaId id);

  /** Whether the foreign policy is still installed, looked up beside the data plane. */
  protected abstract boolean foreignPolicyInstalled(PolicyId id);

  @BeforeEach
  void createFreshDataplane() {
    dataplane = createDataplane();
  }

  @AfterEach
  void closeDataplane() {
    dataplane.close();
  }

  @Test
  void aFreshDataplaneReportsNothingOwned() {
    assertThat(dataplane.dumpSas()).isEmpty();
    assertThat(dataplane.dumpPolicies()).isEmpty();
  }

  @Test
  void anAddedSaIsReportedWithAFingerprintAndZeroCounters() {
    try (SecretBytes key = DataplaneFixtures.key(Cipher.AES_GCM_128, 1)) {
      SaSpec sa = DataplaneFixtures.sa(PEER, SELF, 0x5E000002, OwnedReqids.INBOUND, key);
      assertThat(dataplane.apply(List.of(new AddSa(sa)))).allMatch(ChangeResult::isOk);

      Optional<SaState> got = dataplane.getSa(sa.id());
      assertThat(got).isPresent();
      SaState state = got.get();
      assertThat(state.source()).isEqualTo(PEER);
      assertThat(state.selector()).isEqualTo(TrafficSelector.ipip(PEER, SELF));
      assertThat(state.reqid()).isEqualTo(OwnedReqids.INBOUND);
      assertThat(state.cipher()).isEqualTo(Cipher.AES_GCM_128);
      assertThat(state.icv()).isEqualTo(IcvLength.ICV_64);
      assertThat(state.mode()).isEqualTo(IpsecMode.TRANSPORT);
      assertThat(state.keyFingerprint()).isEqualTo(key.fingerprint());
      assertThat(state.lifetimes()).isEqualTo(sa.lifetimes());
      assertThat(state.counters().packets()).isZero();
      assertThat(state.counters().bytes()).isZero();
      assertThat(state.counters().integrityErrors()).isZero();
      assertThat(dataplane.dumpSas()).containsExactly(state);
    }
  }

  @Test
  void addingAnSaTwiceFailsWithExistsAndKeepsTheFirst() {
    try (SecretBytes first = DataplaneFixtures.key(Cipher.AES_GCM_128, 1);
        SecretBytes second = DataplaneFixtures.key(Cipher.AES_GCM_128, 2)) {
      SaSpec a = DataplaneFixtures.sa(PEER, SELF, 0x5E000002, OwnedReqids.INBOUND, first);
      SaSpec b = DataplaneFixtures.sa(PEER, SELF, 0x5E000002, OwnedReqids.INBOUND, second);
      dataplane.apply(List.of(new AddSa(a)));

      List<ChangeResult> results = dataplane.apply(List.of(new AddSa(b)));

      assertThat(results).extracting(ChangeResult::status).containsExactly(Status.EXISTS);
      assertThat(dataplane.getSa(a.id()).orElseThrow().keyFingerprint())
          .isEqualTo(first.fingerprint());
    }
  }

  @Test
  void updatingAnSaChangesItsLifetimes() {
    try (SecretBytes key = DataplaneFixtures.key(Cipher.AES_GCM_128, 1)) {
      SaSpec sa = DataplaneFixtures.sa(SELF, PEER, 0x5E000001, OwnedReqids.outbound(1), key);
      dataplane.apply(List.of(new AddSa(sa)));
      SaLifetimes tighter = new SaLifetimes(1_000_000, 2_000_000, 1000, 2000);
      SaSpec updated = DataplaneFixtures.withLifetimes(sa, tighter);

      assertThat(dataplane.apply(List.of(new UpdateSa(updated)))).allMatch(ChangeResult::isOk);
      assertThat(dataplane.getSa(sa.id()).orElseThrow().lifetimes()).isEqualTo(tighter);
    }
  }

  @Test
  void changingOrDeletingAMissingSaIsNotFound() {
    try (SecretBytes key = DataplaneFixtures.key(Cipher.AES_GCM_128, 1)) {
      SaSpec sa = DataplaneFixtures.sa(SELF, PEER, 0x5E000001, OwnedReqids.outbound(1), key);

      List<ChangeResult> results =
          dataplane.apply(List.of(new UpdateSa(sa), new DeleteSa(sa.id())));

      assertThat(results)
          .extracting(ChangeResult::status)
          .containsExactly(Status.NOT_FOUND, Status.NOT_FOUND);
      assertThat(dataplane.dumpSas()).isEmpty();
    }
  }

  @Test
  void aDeletedSaIsGone() {
    try (SecretBytes key = DataplaneFixtures.key(Cipher.AES_GCM_256, 1)) {
      SaSpec sa = DataplaneFixtures.sa(SELF, PEER, 0x5E000001, OwnedReqids.outbound(1), key);
      dataplane.apply(List.of(new AddSa(sa)));

      assertThat(dataplane.apply(List.of(new DeleteSa(sa.id())))).allMatch(ChangeResult::isOk);
      assertThat(dataplane.getSa(sa.id())).isEmpty();
      assertThat(dataplane.dumpSas()).isEmpty();
    }
  }

  @Test
  void policiesAreAddedUpdatedInPlaceAndDeleted() {
    Policy out = DataplaneFixtures.outPolicy(SELF, PEER, OwnedReqids.outbound(1));
    Policy switched = DataplaneFixtures.outPolicy(SELF, PEER, OwnedReqids.outbound(2));

    assertThat(dataplane.apply(List.of(new AddPolicy(out)))).allMatch(ChangeResult::isOk);
    assertThat(dataplane.getPolicy(out.id())).contains(out);
    assertThat(dataplane.apply(List.of(new AddPolicy(switched))))
        .extracting(ChangeResult::status)
        .containsExactly(Status.EXISTS);

    assertThat(dataplane.apply(List.of(new UpdatePolicy(switched)))).allMatch(ChangeResult::isOk);
    assertThat(dataplane.dumpPolicies()).containsExactly(switched);

    assertThat(dataplane.apply(List.of(new DeletePolicy(out.id())))).allMatch(ChangeResult::isOk);
    assertThat(dataplane.dumpPolicies()).isEmpty();
  }

  @Test
  void changingOrDeletingAMissingPolicyIsNotFound() {
    Policy in = DataplaneFixtures.inPolicy(PEER, SELF);

    List<ChangeResult> results =
        dataplane.apply(List.of(new UpdatePolicy(in), new DeletePolicy(in.id())));

    assertThat(results)
        .extracting(ChangeResult::status)
        .containsExactly(Status.NOT_FOUND, Status.NOT_FOUND);
    assertThat(dataplane.dumpPolicies()).isEmpty();
  }

  @Test
  void aFailingChangeDoesNotStopTheRestOfTheBatch() {
    try (SecretBytes k1 = DataplaneFixtures.key(Cipher.AES_GCM_128, 1);
        SecretBytes k2 = DataplaneFixtures.key(Cipher.AES_GCM_128, 2)) {
      SaSpec a = DataplaneFixtures.sa(PEER, SELF, 0x5E000002, OwnedReqids.INBOUND, k1);
      SaSpec b = DataplaneFixtures.sa(OTHER, SELF, 0x5E000003, OwnedReqids.INBOUND, k2);
      Policy in = DataplaneFixtures.inPolicy(PEER, SELF);

      List<ChangeResult> results =
          dataplane.apply(
              List.of(
                  new AddSa(a),
                  new AddSa(a),
                  new DeleteSa(b.id()),
                  new AddSa(b),
                  new AddPolicy(in)));

      assertThat(results)
          .extracting(ChangeResult::status)
          .containsExactly(Status.OK, Status.EXISTS, Status.NOT_FOUND, Status.OK, Status.OK);
      assertThat(results).extracting(ChangeResult::change).doesNotContainNull();
      assertThat(dataplane.dumpSas())
          .extracting(SaState::id)
          .containsExactlyInAnyOrder(a.id(), b.id());
      assertThat(dataplane.dumpPolicies()).containsExactly(in);
    }
  }

  @Test
  void foreignStateIsNeitherReportedNorTouched() {
    try (SecretBytes foreignKey = DataplaneFixtures.key(Cipher.AES_GCM_128, 9);
        SecretBytes ours = DataplaneFixtures.key(Cipher.AES_GCM_128, 1)) {
      SaSpec foreign = DataplaneFixtures.sa(PEER, SELF, 0xC0000001, 7, foreignKey);
      Policy foreignPolicy = DataplaneFixtures.policy(PEER, SELF, PolicyDirection.IN, 7);
      seedForeignSa(foreign);
      seedForeignPolicy(foreignPolicy);
      SaSpec clash = DataplaneFixtures.sa(PEER, SELF, 0xC0000001, OwnedReqids.INBOUND, ours);
      Policy clashPolicy = DataplaneFixtures.inPolicy(PEER, SELF);

      assertThat(dataplane.dumpSas()).isEmpty();
      assertThat(dataplane.dumpPolicies()).isEmpty();
      assertThat(dataplane.getSa(foreign.id())).isEmpty();
      assertThat(dataplane.getPolicy(foreignPolicy.id())).isEmpty();
      List<ChangeResult> results =
          dataplane.apply(
              List.of(
                  new AddSa(clash),
                  new UpdateSa(clash),
                  new DeleteSa(foreign.id()),
                  new AddPolicy(clashPolicy),
                  new UpdatePolicy(clashPolicy),
                  new DeletePolicy(foreignPolicy.id())));

      assertThat(results)
          .extracting(ChangeResult::status)
          .containsExactly(
              Status.EXISTS,
              Status.NOT_OWNED,
              Status.NOT_OWNED,
              Status.EXISTS,
              Status.NOT_OWNED,
              Status.NOT_OWNED);
      assertThat(foreignSaInstalled(foreign.id())).isTrue();
      assertThat(foreignPolicyInstalled(foreignPolicy.id())).isTrue();
    }
  }

  @Test
  void theVisitorsShowWhatTheDumpsListAndNothingForeign() {
    try (SecretBytes foreignKey = DataplaneFixtures.key(Cipher.AES_GCM_128, 9);
        SecretBytes k1 = DataplaneFixtures.key(Cipher.AES_GCM_128, 1);
        SecretBytes k2 = DataplaneFixtures.key(Cipher.AES_GCM_128, 2)) {
      seedForeignSa(DataplaneFixtures.sa(PEER, SELF, 0xC0000001, 7, foreignKey));
      seedForeignPolicy(DataplaneFixtures.policy(PEER, SELF, PolicyDirection.IN, 7));
      SaSpec in = DataplaneFixtures.sa(PEER, SELF, 0x5E000002, OwnedReqids.INBOUND, k1);
      SaSpec out = DataplaneFixtures.sa(SELF, PEER, 0x5E000001, OwnedReqids.outbound(0), k2);
      Policy outPolicy = DataplaneFixtures.outPolicy(SELF, PEER, OwnedReqids.outbound(0));
      assertThat(dataplane.apply(List.of(new AddSa(in), new AddSa(out), new AddPolicy(outPolicy))))
          .allMatch(ChangeResult::isOk);

      List<String> visited = new ArrayList<>();
      dataplane.forEachSa(sa -> visited.add(describe(sa)));
      List<String> dumped =
          dataplane.dumpSas().stream().map(AbstractDataplaneContractTest::describe).toList();
      assertThat(visited).hasSize(2).containsExactlyInAnyOrderElementsOf(dumped);
      List<Policy> policies = new ArrayList<>();
      dataplane.forEachPolicy(policies::add);
      assertThat(policies).containsExactly(outPolicy);
    }
  }

  /** Everything a status read takes from an SA, in one line to compare. */
  private static String describe(InstalledSaView sa) {
    return sa.id()
        + " reqid "
        + sa.reqid()
        + " "
        + sa.lifetimes()
        + " "
        + List.of(sa.bytes(), sa.packets(), sa.integrityErrors(), sa.replayErrors());
  }

  @Test
  void objectsWithAForeignReqidAreRefused() {
    try (SecretBytes key = DataplaneFixtures.key(Cipher.AES_GCM_128, 1)) {
      SaSpec sa = DataplaneFixtures.sa(PEER, SELF, 0x5E000002, 7, key);
      Policy policy = DataplaneFixtures.policy(PEER, SELF, PolicyDirection.IN, 7);

      List<ChangeResult> results = dataplane.apply(List.of(new AddSa(sa), new AddPolicy(policy)));

      assertThat(results)
          .extracting(ChangeResult::status)
          .containsExactly(Status.INVALID, Status.INVALID);
      assertThat(foreignSaInstalled(sa.id())).isFalse();
      assertThat(foreignPolicyInstalled(policy.id())).isFalse();
    }
  }

  @Test
  void resultsAndReportsNeverShowKeyBytes() {
    try (SecretBytes key = DataplaneFixtures.key(Cipher.AES_GCM_128, 1)) {
      SaSpec sa = DataplaneFixtures.sa(PEER, SELF, 0x5E000002, OwnedReqids.INBOUND, key);
      List<ChangeResult> results = dataplane.apply(List.of(new AddSa(sa), new AddSa(sa)));
      String text =
          results.stream().map(ChangeResult::describe).toList()
              + results.toString()
              + dataplane.dumpSas();

      assertThat(text).doesNotContain(DataplaneFixtures.hex(key), DataplaneFixtures.base64(key));
      assertThat(text).contains("spi 0x5e000002");
    }
  }
}
