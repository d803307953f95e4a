package io.secureoverlay.agent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PeerPlanTest {

  private final NodeRef peer = new NodeRef("node-b", SimulatedCluster.ip("192.0.2.2"), 2);

  @Test
  void inboundEpochsOutOfOrderOrRepeatedAreRefusedNamingThePeer() {
    assertThatThrownBy(() -> new PeerPlan(peer, List.of(3L, 2L), OptionalLong.empty(), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("peer node-b: inbound epochs [3, 2] are not ascending");
    assertThatThrownBy(() -> new PeerPlan(peer, List.of(2L, 2L), OptionalLong.empty(), false))
        .hasMessageContaining("not ascending");
  }

  @Test
  void peersOfOneStateShareOneImmutableListAndACallersListIsCopied() {
    List<Long> shared = List.of(1L, 2L);
    assertThat(new PeerPlan(peer, shared, OptionalLong.of(2), false).inboundEpochs())
        .isSameAs(shared);

    List<Long> mutable = new ArrayList<>(List.of(1L));
    PeerPlan plan = new PeerPlan(peer, mutable, OptionalLong.of(1), false);
    mutable.add(5L);
    assertThat(plan.inboundEpochs()).containsExactly(1L);
  }
}
