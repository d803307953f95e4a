package io.secureoverlay.agent.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.secureoverlay.agent.kube.AgentDirective.Apply;
import io.secureoverlay.agent.kube.AgentDirective.Hold;
import io.secureoverlay.agent.kube.AgentDirective.RemoveAll;
import io.secureoverlay.agent.reconcile.ClusterIntent;
import io.secureoverlay.protocol.MemberState;
import io.secureoverlay.protocol.NodeSet;
import io.secureoverlay.protocol.SecureOverlay;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanInterpreterTest {

  private final PlanInterpreter interpreter = new PlanInterpreter();
  private final PlanFixtures plan = new PlanFixtures(3);

  @Test
  void beforeEveryWatchListedItHolds() {
    AgentDirective d = interpret(snapshot(plan.overlay(), PlanFixtures.keys(1), false));

    assertThat(d).isInstanceOf(Hold.class);
    assertThat(((Hold) d).problem()).isFalse();
  }

  @Test
  void withoutAnOverlayOrAPlanItHoldsAndSaysWhy() {
    SecureOverlay noPlan = plan.overlay();
    noPlan.setStatus(null);

    assertThat(interpret(snapshot(null, null, true)))
        .isEqualTo(new Hold("no SecureOverlay default", false, Optional.empty()));
    assertThat(interpret(snapshot(noPlan, null, true)))
        .isEqualTo(new Hold("the master has not published a plan yet", false, Optional.empty()));
  }

  @Test
  void aNodeTheTableDoesNotListOrListsAsRemovedRemovesEverything() {
    plan.epoch(1, plan.all(), plan.all()).outbound(1L);

    AgentDirective stranger = interpreter.interpret(snapshot(plan.overlay(), null, true), "node-9");
    AgentDirective removed =
        interpret(snapshot(plan.state(1, MemberState.REMOVED).overlay(), null, true));

    assertThat(stranger).isInstanceOf(RemoveAll.class);
    assertThat(removed).isInstanceOf(RemoveAll.class);
    assertThat(((RemoveAll) removed).plan().listed()).hasSize(2);
  }

  @Test
  void aPlanWithoutEpochsRemovesEverythingAndNeedsNoKeys() {
    assertThat(interpret(snapshot(plan.noEpochs().overlay(), null, true)))
        .isInstanceOf(RemoveAll.class);
  }

  @Test
  void aMissingOrMalformedSecretHoldsNamingTheFieldAndShowsNoKeyByte() {
    plan.epoch(1, plan.all(), NodeSet.empty());
    Secret keys = PlanFixtures.keys(1);
    String epochValue = keys.getData().get("epoch-1");
    Secret malformed = new SecretBuilder(keys).addToData("icvBits", epochValue).build();

    Hold missing = (Hold) interpret(snapshot(plan.overlay(), null, true));
    Hold refused = (Hold) interpret(snapshot(plan.overlay(), malformed, true));

    assertThat(missing.problem()).isTrue();
    assertThat(missing.reason()).isEqualTo("keys Secret secureoverlay-keys not found");
    assertThat(refused.problem()).isTrue();
    assertThat(refused.reason()).startsWith("keys Secret refused: data.icvBits");
    assertThat(refused.reason())
        .doesNotContain(epochValue)
        .doesNotContain(HexFormat.of().formatHex(Base64.getDecoder().decode(epochValue)));
    assertThat(refused.context()).isPresent();
  }

  @Test
  void aSecretThatDoesNotYetHoldTheEpochOrHoldsAnotherKeyHolds() {
    plan.epoch(1, plan.all(), NodeSet.empty()).epoch(2, NodeSet.empty(), NodeSet.empty());
    Secret other = PlanFixtures.keys(1, 3);
    Secret otherKey = PlanFixtures.keys(1, 2);
    // The plan shows epoch 2's fingerprint; give the Secret epoch 2 with epoch 1's bytes.
    otherKey.getData().put("epoch-2", otherKey.getData().get("epoch-1"));

    Hold notYet = (Hold) interpret(snapshot(plan.overlay(), other, true));
    Hold mismatch = (Hold) interpret(snapshot(plan.overlay(), otherKey, true));

    assertThat(notYet.problem()).isFalse();
    assertThat(notYet.reason()).isEqualTo("keys Secret does not hold epoch 2 yet");
    assertThat(mismatch.reason())
        .startsWith("epoch 2: keys Secret fingerprint")
        .contains(PlanFixtures.fingerprint(2));
  }

  @Test
  void aRowWithoutAnIpv4AddressRefusesThePlanWithoutALookup() {
    plan.epoch(1, plan.all(), NodeSet.empty()).underlay(2, "example.com");

    Hold hold = (Hold) interpret(snapshot(plan.overlay(), PlanFixtures.keys(1), true));

    assertThat(hold.problem()).isTrue();
    assertThat(hold.reason())
        .isEqualTo("plan refused: status.nodes[node-2].underlayIp is not an IPv4 address");
  }

  @Test
  void theSetsOfThePlanBecomeTheIntentOneToOne() {
    plan.epoch(1, plan.all(), NodeSet.of(1, 2))
        .epoch(2, NodeSet.of(1), NodeSet.of(3))
        .outbound(2L)
        .enforcing(NodeSet.of(2));

    try (Apply apply = (Apply) interpret(snapshot(plan.overlay(), PlanFixtures.keys(1, 2), true))) {
      ClusterIntent intent = apply.intent();
      assertThat(intent.nodes()).hasSize(3);
      assertThat(intent.inboundEpochs()).containsExactly(1L, 2L);
      assertThat(intent.outboundEpoch()).hasValue(2);
      assertThat(intent.inboundReady().get(1L)).containsExactlyInAnyOrder(1, 2, 3);
      assertThat(intent.inboundReady().get(2L)).containsExactly(1);
      assertThat(intent.encrypting()).containsExactlyInAnyOrder(1, 2, 3);
      assertThat(intent.enforcing()).containsExactly(2);
      assertThat(apply.plan().revision()).isEqualTo(1);
    }
  }

  @Test
  void aJoiningNodeIsGivenNoOutboundEpochWhileItsPeersAre() {
    plan.epoch(1, plan.all(), NodeSet.of(2, 3)).outbound(1L).state(1, MemberState.JOINING);

    try (Apply self = (Apply) interpret(snapshot(plan.overlay(), PlanFixtures.keys(1), true));
        Apply peer =
            (Apply)
                interpreter.interpret(
                    snapshot(plan.overlay(), PlanFixtures.keys(1), true), "node-2")) {
      assertThat(self.intent().outboundEpoch()).isEmpty();
      assertThat(peer.intent().outboundEpoch()).hasValue(1);
    }
  }

  @Test
  void closingTheDirectiveZeroesTheSecrets() {
    plan.epoch(1, plan.all(), NodeSet.empty());
    Apply apply = (Apply) interpret(snapshot(plan.overlay(), PlanFixtures.keys(1), true));

    apply.close();

    assertThat(apply.intent().epochSecrets().get(1L).isDestroyed()).isTrue();
    assertThat(apply.toString())
        .doesNotContain(HexFormat.of().formatHex(PlanFixtures.secretBytes(1)));
  }

  private AgentDirective interpret(ClusterSnapshot snapshot) {
    return interpreter.interpret(snapshot, "node-1");
  }

  private static ClusterSnapshot snapshot(SecureOverlay overlay, Secret keys, boolean synced) {
    return new ClusterSnapshot(
        Optional.ofNullable(overlay),
        Optional.ofNullable(keys),
        Optional.of(PlanFixtures.node(1)),
        synced);
  }
}
