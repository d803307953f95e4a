package io.secureoverlay.agent.reconcile;

import static io.secureoverlay.agent.dataplane.DataplaneFixtures.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.dataplane.DataplaneChange;
import io.secureoverlay.agent.dataplane.DataplaneChange.AddPolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.AddSa;
import io.secureoverlay.agent.dataplane.DataplaneChange.DeletePolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.DeleteSa;
import io.secureoverlay.agent.dataplane.DataplaneChange.UpdatePolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.UpdateSa;
import io.secureoverlay.agent.dataplane.DataplaneFixtures;
import io.secureoverlay.agent.dataplane.OwnedReqids;
import io.secureoverlay.agent.dataplane.Policy;
import io.secureoverlay.agent.dataplane.PolicyId;
import io.secureoverlay.agent.dataplane.SaCounters;
import io.secureoverlay.agent.dataplane.SaId;
import io.secureoverlay.agent.dataplane.SaLifetimes;
import io.secureoverlay.agent.dataplane.SaSpec;
import io.secureoverlay.agent.dataplane.SaState;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The diff alone: desired and actual in, changes out, no data plane involved. */
class ChangePlannerTest {

  private static final InetAddress SELF = ip("10.0.0.1");
  private static final InetAddress PEER = ip("10.0.0.2");
  private final SecretBytes key = DataplaneFixtures.key(Cipher.AES_GCM_128, 1);
  private final SecretBytes otherKey = DataplaneFixtures.key(Cipher.AES_GCM_128, 2);
  private final SaSpec out =
      DataplaneFixtures.sa(SELF, PEER, 0x5E400001, OwnedReqids.outbound(1), key);
  private final Policy outPolicy = DataplaneFixtures.outPolicy(SELF, PEER, OwnedReqids.outbound(1));

  @AfterEach
  void zero() {
    key.close();
    otherKey.close();
  }

  @Test
  void nothingInstalledMeansAddSasThenPolicies() {
    ChangePlan plan =
        ChangePlanner.plan(desired(List.of(out), List.of(outPolicy)), List.of(), List.of());

    assertThat(plan.all())
        .extracting(DataplaneChange::getClass)
        .containsExactly(AddSa.class, AddPolicy.class);
  }

  @Test
  void whatIsAlreadyRightYieldsNoChangeWhateverItsCounters() {
    SaState installed = installed(out, new SaCounters(5000, 5, 0, 0));

    ChangePlan plan =
        ChangePlanner.plan(
            desired(List.of(out), List.of(outPolicy)), List.of(installed), List.of(outPolicy));

    assertThat(plan.isEmpty()).isTrue();
  }

  @Test
  void onlyLifetimesDifferingIsAnUpdate() {
    SaState installed =
        installed(
            DataplaneFixtures.withLifetimes(out, new SaLifetimes(-1, -1, 10, 20)), SaCounters.ZERO);

    ChangePlan plan =
        ChangePlanner.plan(desired(List.of(out), List.of()), List.of(installed), List.of());

    assertThat(plan.all()).singleElement().isInstanceOf(UpdateSa.class);
  }

  @Test
  void aDifferentKeyIsDeleteThenAddOfThatSa() {
    SaSpec stale = DataplaneFixtures.sa(SELF, PEER, 0x5E400001, OwnedReqids.outbound(1), otherKey);

    ChangePlan plan =
        ChangePlanner.plan(
            desired(List.of(out), List.of()),
            List.of(installed(stale, SaCounters.ZERO)),
            List.of());

    assertThat(plan.saInstalls())
        .extracting(DataplaneChange::getClass)
        .containsExactly(DeleteSa.class, AddSa.class);
    assertThat(plan.saRemovals()).isEmpty();
  }

  @Test
  void aDifferentTemplateReqidIsAnUpdateNeverADeleteAndAdd() {
    Policy old = DataplaneFixtures.outPolicy(SELF, PEER, OwnedReqids.outbound(0));

    ChangePlan plan =
        ChangePlanner.plan(desired(List.of(), List.of(outPolicy)), List.of(), List.of(old));

    assertThat(plan.policyChanges()).containsExactly(new UpdatePolicy(outPolicy));
  }

  @Test
  void whatIsNoLongerWantedIsRemovedPoliciesBeforeSas() {
    ChangePlan plan =
        ChangePlanner.plan(
            desired(List.of(), List.of()),
            List.of(installed(out, SaCounters.ZERO)),
            List.of(outPolicy));

    assertThat(plan.all())
        .containsExactly(new DeletePolicy(outPolicy.id()), new DeleteSa(out.id()));
  }

  private static DesiredXfrm desired(List<SaSpec> sas, List<Policy> policies) {
    Map<SaId, DesiredSa> saMap = new LinkedHashMap<>();
    Map<SaId, SaSpec> specs = new LinkedHashMap<>();
    sas.forEach(s -> saMap.put(s.id(), DesiredSa.of(s, 1)));
    sas.forEach(s -> specs.put(s.id(), s));
    Map<PolicyId, Policy> policyMap = new LinkedHashMap<>();
    policies.forEach(p -> policyMap.put(p.id(), p));
    return new DesiredXfrm(
        saMap, policyMap, Map.of(), d -> SecretBytes.wrap(specs.get(d.id()).key().copy()));
  }

  private static SaState installed(SaSpec spec, SaCounters counters) {
    return new SaState(
        spec.id(),
        spec.source(),
        spec.selector(),
        spec.mode(),
        spec.reqid(),
        spec.cipher(),
        spec.icv(),
        spec.key().fingerprint(),
        spec.replayWindow(),
        spec.lifetimes(),
        counters);
  }
}
