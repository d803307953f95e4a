package io.secureoverlay.agent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureoverlay.crypto.EpochSecretGenerator;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A node list that names one node twice, by index, address or name, is refused as a whole. */
class NodeDesiredStateTest {

  private static final NodeRef SELF = node("self", 1, 1);

  @Test
  void aThousandDistinctPeersAreAccepted() {
    List<NodeRef> peers = new ArrayList<>();
    for (int i = 2; i <= 1_001; i++) {
      peers.add(
          new NodeRef("node-" + i, SimulatedCluster.ip("10.1." + i / 256 + "." + i % 256), i));
    }
    try (NodeDesiredState state = state(peers)) {
      assertThat(state.peers()).hasSize(1_000);
    }
  }

  @Test
  void aPeerWithAnotherNodesAddressIsRefusedNamingIt() {
    assertThatThrownBy(() -> state(List.of(node("a", 2, 2), node("b", 3, 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("peer b: underlay 192.0.2.2 taken");
    assertThatThrownBy(() -> state(List.of(node("a", 2, 2), node("b", 3, 1))))
        .as("self's address")
        .hasMessage("peer b: underlay 192.0.2.1 taken");
  }

  @Test
  void aPeerWithAnotherNodesNameIsRefused() {
    assertThatThrownBy(() -> state(List.of(node("a", 2, 2), node("a", 3, 3))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("peer name a appears twice");
    assertThatThrownBy(() -> state(List.of(node("a", 2, 2), node("self", 3, 3))))
        .as("self's name")
        .hasMessage("peer name self appears twice");
  }

  @Test
  void aPeerWithAnotherNodesIndexIsRefused() {
    assertThatThrownBy(() -> state(List.of(node("a", 2, 2), node("b", 1, 3))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("peer b: index 1 taken");
  }

  /** Names and addresses whose hashes collide still count as distinct. */
  @Test
  void differentNamesWithEqualHashesAreNotRepeats() {
    // "Aa" and "BB" have the same String hash.
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    try (NodeDesiredState state = state(List.of(node("Aa", 2, 2), node("BB", 3, 3)))) {
      assertThat(state.peers()).hasSize(2);
    }
  }

  private static NodeRef node(String name, int index, int lastOctet) {
    return new NodeRef(name, SimulatedCluster.ip("192.0.2." + lastOctet), index);
  }

  private static NodeDesiredState state(List<NodeRef> peers) {
    Map<Long, SecretBytes> secrets = new TreeMap<>();
    secrets.put(1L, SecretBytes.wrap(new byte[EpochSecretGenerator.EPOCH_SECRET_BYTES]));
    List<PeerPlan> plans = new ArrayList<>();
    for (NodeRef peer : peers) {
      plans.add(new PeerPlan(peer, List.of(1L), OptionalLong.of(1), false));
    }
    return new NodeDesiredState(
        SELF,
        Cipher.AES_GCM_128,
        IcvLength.ICV_128,
        NodeDesiredState.DEFAULT_LIFETIMES,
        new TreeMap<>(secrets),
        plans);
  }
}
