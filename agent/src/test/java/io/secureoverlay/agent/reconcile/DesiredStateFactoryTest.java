package io.secureoverlay.agent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DesiredStateFactoryTest {

  private final SimulatedCluster cluster = new SimulatedCluster(3);

  @AfterEach
  void close() {
    cluster.close();
  }

  @Test
  void nobodyEncryptsTowardAPeerBeforeItIsReady() {
    ClusterIntent intent =
        cluster.intent(
            List.of(1L), OptionalLong.of(1), Map.of(1L, Set.of(1, 2)), Set.of(), Set.of());

    try (NodeDesiredState state = DesiredStateFactory.forNode(intent, "node-1")) {
      assertThat(state.peer("node-2").outboundEpoch()).hasValue(1);
      assertThat(state.peer("node-3").outboundEpoch()).isEmpty();
      assertThat(state.peer("node-3").inboundEpochs()).containsExactly(1L);
    }
  }

  @Test
  void duringARotationAPeerNotYetReadyForTheNewEpochKeepsTheOldOne() {
    ClusterIntent intent =
        cluster.intent(
            List.of(1L, 2L),
            OptionalLong.of(2),
            Map.of(1L, cluster.all(), 2L, Set.of(1, 2)),
            Set.of(),
            Set.of());

    try (NodeDesiredState state = DesiredStateFactory.forNode(intent, "node-1")) {
      assertThat(state.peer("node-2").outboundEpoch()).hasValue(2);
      assertThat(state.peer("node-3").outboundEpoch()).hasValue(1);
    }
  }

  @Test
  void enforcementOnlyAgainstPeersKnownToEncryptTowardThisNode() {
    // node-3 is not ready, so nobody encrypts toward it: it must not enforce anyone.
    ClusterIntent intent =
        cluster.intent(
            List.of(1L), OptionalLong.of(1), Map.of(1L, Set.of(1, 2)), cluster.all(), Set.of(1, 3));

    try (NodeDesiredState one = DesiredStateFactory.forNode(intent, "node-1");
        NodeDesiredState three = DesiredStateFactory.forNode(intent, "node-3")) {
      assertThat(one.peer("node-3").enforce()).isTrue();
      assertThat(one.peer("node-2").enforce()).isFalse();
      assertThat(three.peers()).noneMatch(PeerPlan::enforce);
    }
  }

  @Test
  void theDesiredStateOwnsCopiesOfTheSecrets() {
    ClusterIntent intent =
        cluster.intent(List.of(1L), OptionalLong.empty(), Map.of(), Set.of(), Set.of());

    NodeDesiredState state = DesiredStateFactory.forNode(intent, "node-2");
    state.close();

    assertThat(state.epochSecrets().get(1L).isDestroyed()).isTrue();
    assertThat(intent.epochSecrets().get(1L).isDestroyed()).isFalse();
  }

  @Test
  void anUnknownNodeIsRefused() {
    ClusterIntent intent =
        cluster.intent(List.of(1L), OptionalLong.empty(), Map.of(), Set.of(), Set.of());

    assertThatThrownBy(() -> DesiredStateFactory.forNode(intent, "node-9"))
        .hasMessage("node node-9 is not in the node list");
  }
}
