package io.secureoverlay.agent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.dataplane.OwnedReqids;
import io.secureoverlay.agent.dataplane.Policy;
import io.secureoverlay.agent.dataplane.PolicyDirection;
import io.secureoverlay.agent.dataplane.SaId;
import io.secureoverlay.crypto.PairKeyDeriver;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.spi.SpiAllocator;
import java.util.List;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which policy objects a build takes over from the previous one, and which it makes anew. */
class DesiredXfrmBuilderTest {

  private final DesiredXfrmBuilder builder =
      new DesiredXfrmBuilder(new PairKeyDeriver(), new SpiAllocator());
  private final SpiAllocator spis = new SpiAllocator();
  private final NodeRef self = node("node-1", 1, 1);
  private final List<NodeRef> peers = List.of(node("node-2", 2, 2), node("node-3", 3, 3));

  @Test
  void anUnchangedPassKeepsEveryPolicyObjectAndASelfThatMovedGetsNewOnes() {
    try (NodeDesiredState first = state(self, List.of(1L), 1);
        DesiredXfrm before = builder.build(first);
        NodeDesiredState same = state(self, List.of(1L), 1);
        DesiredXfrm again = builder.build(same)) {
      assertThat(again.policies()).hasSize(4);
      again.policies().forEach((id, p) -> assertThat(p).isSameAs(before.policies().get(id)));
      assertThat(again.sinceLastBuild().orElseThrow().newPolicies()).isEmpty();

      // The node's own underlay address changes; its peers' rows (and objects) do not.
      NodeRef moved = node("node-1", 1, 11);
      try (NodeDesiredState afterMove = state(moved, List.of(1L), 1);
          DesiredXfrm rebuilt = builder.build(afterMove)) {
        assertThat(rebuilt.policies().values())
            .hasSize(4)
            .allSatisfy(
                p ->
                    assertThat(
                            p.direction() == PolicyDirection.OUT
                                ? p.selector().source()
                                : p.selector().destination())
                        .isEqualTo(moved.underlay()));
        assertThat(rebuilt.sinceLastBuild().orElseThrow().newPolicies()).hasSize(4);
        // Its SAs are new too: inbound ones have a new id, outbound ones a new source.
        assertThat(rebuilt.sinceLastBuild().orElseThrow().newSaIds())
            .containsExactlyInAnyOrderElementsOf(rebuilt.sas().keySet());
        assertThat(rebuilt.sas().values())
            .hasSize(4)
            .allSatisfy(
                sa ->
                    assertThat(
                            sa.reqid() == OwnedReqids.INBOUND ? sa.id().destination() : sa.source())
                        .isEqualTo(moved.underlay()));
      }
    }
  }

  @Test
  void switchingTheOutboundEpochGivesEachPeerANewOutPolicyWithTheNewReqid() {
    try (NodeDesiredState one = state(self, List.of(1L, 2L), 1);
        DesiredXfrm before = builder.build(one);
        NodeDesiredState two = state(self, List.of(1L, 2L), 2);
        DesiredXfrm after = builder.build(two)) {
      int reqid = OwnedReqids.outbound(spis.slotOf(2));
      List<Policy> out =
          after.policies().values().stream()
              .filter(p -> p.direction() == PolicyDirection.OUT)
              .toList();
      assertThat(out).hasSize(2).allSatisfy(p -> assertThat(p.template().reqid()).isEqualTo(reqid));
      assertThat(after.sinceLastBuild().orElseThrow().newPolicies())
          .containsExactlyInAnyOrderElementsOf(out.stream().map(Policy::id).toList());
      after.policies().values().stream()
          .filter(p -> p.direction() == PolicyDirection.IN)
          .forEach(p -> assertThat(p).isSameAs(before.policies().get(p.id())));
    }
  }

  @Test
  void aMapWhoseEntriesAllCarryOverIsTheLastBuildsMapSoOnlyChangedMapsAreKeptAnew() {
    try (NodeDesiredState encrypt = state(self, List.of(1L), 1, false);
        DesiredXfrm before = builder.build(encrypt);
        NodeDesiredState enforce = state(self, List.of(1L), 1, true);
        DesiredXfrm after = builder.build(enforce);
        NodeDesiredState same = state(self, List.of(1L), 1, true);
        DesiredXfrm again = builder.build(same)) {
      // Enforcing adds in policies and changes no SA.
      assertThat(after.sas()).isSameAs(before.sas()).hasSize(4);
      assertThat(after.policies()).isNotSameAs(before.policies()).hasSize(4);
      assertThat(ChangePlanner.plan(after, XfrmBaseline.reached(before)).policyChanges())
          .hasSize(2);
      assertThat(again.sas()).isSameAs(after.sas());
      assertThat(again.policies()).isSameAs(after.policies());

      // A second inbound epoch adds SAs and changes no policy.
      try (NodeDesiredState rotating = state(self, List.of(1L, 2L), 1, true);
          DesiredXfrm next = builder.build(rotating)) {
        assertThat(next.sas()).isNotSameAs(again.sas()).hasSize(6);
        assertThat(next.policies()).isSameAs(again.policies());
        assertThat(ChangePlanner.plan(next, XfrmBaseline.reached(again)).saInstalls()).hasSize(2);
      }
    }
  }

  @Test
  void aPeersSasAndPolicyInOneDirectionShareOneSelectorObject() {
    try (NodeDesiredState encrypt = state(self, List.of(1L, 2L), 1, false);
        DesiredXfrm before = builder.build(encrypt);
        NodeDesiredState enforce = state(self, List.of(1L, 2L), 2, true);
        DesiredXfrm after = builder.build(enforce)) {
      for (NodeRef peer : peers) {
        List<Object> fromPeer = new java.util.ArrayList<>();
        List<Object> toPeer = new java.util.ArrayList<>();
        after
            .sas()
            .values()
            .forEach(
                sa -> {
                  if (sa.source().equals(peer.underlay())) {
                    fromPeer.add(sa.selector());
                  } else if (sa.id().destination().equals(peer.underlay())) {
                    toPeer.add(sa.selector());
                  }
                });
        after
            .policies()
            .values()
            .forEach(
                p -> {
                  if (p.selector().source().equals(peer.underlay())) {
                    fromPeer.add(p.selector());
                  } else if (p.selector().destination().equals(peer.underlay())) {
                    toPeer.add(p.selector());
                  }
                });
        // Two inbound SAs and the in policy; the outbound SA of epoch 2 and the out policy.
        assertThat(fromPeer).hasSize(3).allSatisfy(x -> assertThat(x).isSameAs(fromPeer.get(0)));
        assertThat(toPeer).hasSize(2).allSatisfy(x -> assertThat(x).isSameAs(toPeer.get(0)));
      }
    }
  }

  @Test
  void peersThatMovedInTheListKeepTheirObjectsAndOnlyANewPeersAreMade() {
    NodeRef joined = node("node-4", 4, 4);
    List<NodeRef> withJoined = List.of(joined, peers.get(0), peers.get(1));
    try (NodeDesiredState before = state(self, peers, List.of(1L), 1, true);
        DesiredXfrm first = builder.build(before);
        NodeDesiredState shifted = state(self, withJoined, List.of(1L), 1, true);
        DesiredXfrm second = builder.build(shifted);
        NodeDesiredState same = state(self, withJoined, List.of(1L), 1, true);
        DesiredXfrm third = builder.build(same)) {
      // Every object of the two peers that moved down the list is the very one of the last build.
      first.sas().forEach((id, sa) -> assertThat(second.sas().get(id)).isSameAs(sa));
      first.policies().forEach((id, p) -> assertThat(second.policies().get(id)).isSameAs(p));
      DesiredXfrm.SinceLastBuild since = second.sinceLastBuild().orElseThrow();
      assertThat(since.newSaIds())
          .hasSize(2)
          .allSatisfy(
              id ->
                  assertThat(
                          second.sas().get(id).source().equals(joined.underlay())
                              || id.destination().equals(joined.underlay()))
                      .isTrue());
      assertThat(since.newPolicies()).hasSize(2);
      // And once the list is stable again, a pass takes everything over.
      assertThat(third.sas()).isSameAs(second.sas());
      assertThat(third.policies()).isSameAs(second.policies());
      assertThat(third.sinceLastBuild().orElseThrow().newSaIds()).isEmpty();
    }
  }

  @Test
  void aReorderedPeerListTakesEveryObjectOver() {
    List<NodeRef> reversed = List.of(peers.get(1), peers.get(0));
    try (NodeDesiredState before = state(self, peers, List.of(1L, 2L), 2, true);
        DesiredXfrm first = builder.build(before);
        NodeDesiredState swapped = state(self, reversed, List.of(1L, 2L), 2, true);
        DesiredXfrm second = builder.build(swapped)) {
      assertThat(second.sas()).hasSize(6);
      second.sas().forEach((id, sa) -> assertThat(sa).isSameAs(first.sas().get(id)));
      second.policies().forEach((id, p) -> assertThat(p).isSameAs(first.policies().get(id)));
      assertThat(second.sinceLastBuild().orElseThrow().newSaIds()).isEmpty();
      assertThat(second.sinceLastBuild().orElseThrow().newPolicies()).isEmpty();
      // The builder finds last build's SAs by where it put them; the order moved twice more.
      try (NodeDesiredState again = state(self, reversed, List.of(1L, 2L), 2, true);
          DesiredXfrm third = builder.build(again);
          NodeDesiredState back = state(self, peers, List.of(1L, 2L), 2, true);
          DesiredXfrm fourth = builder.build(back)) {
        for (DesiredXfrm later : List.of(third, fourth)) {
          assertThat(later.sas()).hasSize(6);
          later.sas().forEach((id, sa) -> assertThat(sa).isSameAs(first.sas().get(id)));
          assertThat(later.sinceLastBuild().orElseThrow().newSaIds()).isEmpty();
          assertThat(later.sinceLastBuild().orElseThrow().droppedSas()).isEmpty();
        }
      }
    }
  }

  @Test
  void aNodeThatTakesALeftNodesIndexGetsPoliciesForItsOwnAddress() {
    NodeRef successor = node("node-9", 3, 9);
    List<NodeRef> replaced = List.of(peers.get(0), successor);
    try (NodeDesiredState before = state(self, peers, List.of(1L), 1, true);
        DesiredXfrm first = builder.build(before);
        NodeDesiredState after = state(self, replaced, List.of(1L), 1, true);
        DesiredXfrm second = builder.build(after)) {
      List<Policy> towardSuccessor =
          second.policies().values().stream()
              .filter(
                  p ->
                      successor.underlay().equals(p.selector().destination())
                          || successor.underlay().equals(p.selector().source()))
              .toList();
      assertThat(towardSuccessor).hasSize(2);
      towardSuccessor.forEach(p -> assertThat(first.policies()).doesNotContainValue(p));
      assertThat(second.policies().values())
          .noneMatch(
              p ->
                  peers.get(1).underlay().equals(p.selector().destination())
                      || peers.get(1).underlay().equals(p.selector().source()));
      assertThat(second.sinceLastBuild().orElseThrow().newPolicies()).hasSize(2);
      // Its SAs are its own, none taken over from the node that had its index: new objects with
      // new keys (the inbound one keeps its id, as the SPI carries the sender's index), and the SA
      // toward the left node's address goes.
      List<DesiredSa> leftNodes = sasInvolving(first, peers.get(1));
      List<DesiredSa> successors = sasInvolving(second, successor);
      assertThat(leftNodes).hasSize(2);
      assertThat(successors).hasSize(2);
      for (DesiredSa sa : successors) {
        for (DesiredSa old : leftNodes) {
          assertThat(sa.keyFingerprint()).isNotEqualTo(old.keyFingerprint());
        }
      }
      assertThat(second.sinceLastBuild().orElseThrow().newSaIds())
          .containsExactlyInAnyOrderElementsOf(successors.stream().map(DesiredSa::id).toList());
      List<SaId> towardLeftNode =
          leftNodes.stream()
              .map(DesiredSa::id)
              .filter(id -> id.destination().equals(peers.get(1).underlay()))
              .toList();
      assertThat(second.sinceLastBuild().orElseThrow().droppedSas())
          .hasSize(1)
          .containsExactlyElementsOf(towardLeftNode);
    }
  }

  /** The SAs toward or from {@code node}. */
  private static List<DesiredSa> sasInvolving(DesiredXfrm built, NodeRef node) {
    return built.sas().values().stream()
        .filter(
            sa ->
                node.underlay().equals(sa.source())
                    || node.underlay().equals(sa.id().destination()))
        .toList();
  }

  @Test
  void retiringAnEpochListsExactlyItsSasAsDroppedInTheLastBuildsOrder() {
    try (NodeDesiredState both = state(self, List.of(1L, 2L), 2);
        DesiredXfrm first = builder.build(both);
        NodeDesiredState retired = state(self, List.of(2L), 2);
        DesiredXfrm second = builder.build(retired);
        NodeDesiredState same = state(self, List.of(2L), 2);
        DesiredXfrm third = builder.build(same)) {
      List<SaId> epochOne =
          first.sas().values().stream().filter(sa -> sa.epoch() == 1).map(DesiredSa::id).toList();
      assertThat(epochOne).hasSize(2);
      DesiredXfrm.SinceLastBuild since = second.sinceLastBuild().orElseThrow();
      assertThat(since.droppedSas()).containsExactlyElementsOf(epochOne);
      assertThat(since.newSaIds()).isEmpty();
      assertThat(second.sas().keySet()).doesNotContainAnyElementsOf(epochOne);
      assertThat(third.sinceLastBuild().orElseThrow().droppedSas()).isEmpty();
    }
  }

  @Test
  void anSaWhoseKeyChangesIsNewWithThePreviousObjectAndNotDropped() {
    try (NodeDesiredState first = state(self, List.of(1L), 1);
        DesiredXfrm before = builder.build(first);
        NodeDesiredState other = stateWithSecretOffset(self, 1L, 5);
        DesiredXfrm after = builder.build(other)) {
      DesiredXfrm.SinceLastBuild since = after.sinceLastBuild().orElseThrow();
      assertThat(since.droppedSas()).isEmpty();
      assertThat(since.newSas()).hasSize(4);
      since
          .newSas()
          .forEach(
              n -> {
                assertThat(n.previous()).isSameAs(before.sas().get(n.sa().id()));
                assertThat(n.sa()).isSameAs(after.sas().get(n.sa().id()));
                assertThat(n.sa().keyFingerprint()).isNotEqualTo(n.previous().keyFingerprint());
              });
    }
  }

  /** Epoch {@code epoch} in and out toward every peer, with a different secret than usual. */
  private NodeDesiredState stateWithSecretOffset(NodeRef me, long epoch, int offset) {
    return state(me, peers, List.of(epoch), epoch, true, offset);
  }

  private NodeDesiredState state(NodeRef me, List<Long> inbound, long outbound) {
    return state(me, inbound, outbound, true);
  }

  /** Every peer gets {@code inbound} and is sent to with {@code outbound}. */
  private NodeDesiredState state(NodeRef me, List<Long> inbound, long outbound, boolean enforce) {
    return state(me, peers, inbound, outbound, enforce);
  }

  private NodeDesiredState state(
      NodeRef me, List<NodeRef> peers, List<Long> inbound, long outbound, boolean enforce) {
    return state(me, peers, inbound, outbound, enforce, 0);
  }

  /** Each epoch's usual secret with {@code secretOffset} added to its first byte. */
  private NodeDesiredState state(
      NodeRef me,
      List<NodeRef> peers,
      List<Long> inbound,
      long outbound,
      boolean enforce,
      int secretOffset) {
    SortedMap<Long, SecretBytes> secrets = new TreeMap<>();
    inbound.forEach(
        e -> {
          byte[] secret = secret(e);
          secret[0] += (byte) secretOffset;
          secrets.put(e, SecretBytes.wrap(secret));
        });
    return new NodeDesiredState(
        me,
        Cipher.AES_GCM_128,
        IcvLength.ICV_128,
        NodeDesiredState.DEFAULT_LIFETIMES,
        secrets,
        peers.stream()
            .map(p -> new PeerPlan(p, inbound, OptionalLong.of(outbound), enforce))
            .toList());
  }

  private static byte[] secret(long epoch) {
    byte[] b = new byte[32];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (epoch * 17 + i);
    }
    return b;
  }

  private static NodeRef node(String name, int index, int lastOctet) {
    return new NodeRef(name, SimulatedCluster.ip("192.0.2." + lastOctet), index);
  }
}
