package io.secureoverlay.master;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.MemberState;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Joins and leaves of single nodes while the overlay is on. */
class PlanEngineNodeTableTest {

  private final EngineRig rig = new EngineRig(3);

  @BeforeEach
  void enabled() {
    rig.spec.setEnforce(true);
    rig.enable();
  }

  @Test
  void aNewNodeJoinsWithoutPermissionToEncrypt() {
    rig.addNode(4);
    rig.round();

    IndexedNode row = rig.row("n4");
    assertThat(row.index()).isEqualTo(3);
    assertThat(row.state()).isEqualTo(MemberState.JOINING);
    assertThat(row.revision()).isEqualTo(rig.status.getPlanRevision());
    assertThat(rig.status.getAckRevision()).isEqualTo(rig.status.getPlanRevision());
    assertThat(rig.reasons()).contains("NodeJoined");
  }

  @Test
  void itIsAdmittedOnlyOnceEveryPeerListsItAndItIsReady() {
    rig.addNode(4);
    rig.round();

    rig.ack("n4");
    rig.round();
    assertThat(rig.row("n4").state())
        .as("peers have not applied its row")
        .isEqualTo(MemberState.JOINING);
    assertThat(rig.epoch(1).inboundReady().contains(3)).as("peers may encrypt toward it").isTrue();

    rig.ack("n1", "n2");
    rig.round();
    assertThat(rig.row("n4").state())
        .as("n3 has not applied its row")
        .isEqualTo(MemberState.JOINING);

    rig.ack("n3");
    rig.round();
    assertThat(rig.row("n4").state()).isEqualTo(MemberState.MEMBER);
    assertThat(rig.reasons()).contains("NodeAdmitted");
    assertThat(rig.status.getEnforcing().contains(3)).as("not before it sends").isFalse();

    rig.settle();
    assertThat(rig.status.getEnforcing().contains(3)).isTrue();
    assertThat(rig.epoch(1).encrypting().contains(3)).isTrue();
    assertThat(rig.status.getReadyNodes()).isEqualTo("4/4");
  }

  @Test
  void aDeletedNodeLeavesInStagesAndFreesItsIndex() {
    rig.nodes.remove("n2");
    rig.round();
    assertThat(rig.row("n2").state()).isEqualTo(MemberState.LEAVING);
    assertThat(rig.status.getEnforcing().contains(1)).isFalse();
    assertThat(rig.epoch(1).encrypting().contains(1)).isFalse();
    assertThat(rig.epoch(1).inboundReady().contains(1)).as("still encrypted toward").isTrue();

    rig.ack("n1", "n3");
    rig.round();
    assertThat(rig.row("n2").state()).isEqualTo(MemberState.DEPARTING);
    assertThat(rig.epoch(1).inboundReady().contains(1)).isFalse();

    rig.ack("n1", "n3");
    rig.round();
    assertThat(rig.row("n2").state()).isEqualTo(MemberState.REMOVED);

    rig.addNode(9);
    rig.round();
    assertThat(rig.row("n9").index())
        .as("index 1 is held until the removal is applied")
        .isEqualTo(3);

    rig.settle();
    assertThat(rig.status.getNodes())
        .extracting(IndexedNode::name)
        .containsExactly("n1", "n3", "n9");
    rig.addNode(7);
    rig.settle();
    assertThat(rig.row("n7").index()).isEqualTo(1);
    assertThat(rig.reasons()).contains("NodeLeaving", "NodeRemoved");
  }

  @Test
  void aNodeNamedInExcludeNodesLeavesAndItsOwnAcknowledgementIsAwaited() {
    rig.spec.setExcludeNodes(List.of("n3"));
    rig.specChanged();
    rig.round();
    assertThat(rig.row("n3").state()).isEqualTo(MemberState.LEAVING);

    rig.ack("n1", "n2");
    rig.round();
    assertThat(rig.row("n3").state())
        .as("n3 still runs: wait for it")
        .isEqualTo(MemberState.LEAVING);

    rig.settle();
    assertThat(rig.status.getNodes()).extracting(IndexedNode::name).containsExactly("n1", "n2");
    assertThat(rig.status.getExcluded()).containsExactly("n3");
  }

  @Test
  void aNodeWithoutAnUnderlayAddressIsNotListed() {
    rig.nodes.put("bare", new NodeFact("bare", null));
    rig.round();

    assertThat(rig.status.getNodes()).extracting(IndexedNode::name).doesNotContain("bare");
    assertThat(rig.status.getExcluded()).containsExactly("bare");
  }

  @Test
  void anUnderlayAddressChangeIsALeaveThenAJoin() {
    rig.nodes.put("n2", new NodeFact("n2", "192.0.2.200"));
    rig.round();
    assertThat(rig.row("n2").state()).isEqualTo(MemberState.LEAVING);
    assertThat(rig.row("n2").underlayIp()).isEqualTo("192.0.2.2");

    rig.settle();

    assertThat(rig.row("n2").underlayIp()).isEqualTo("192.0.2.200");
    assertThat(rig.row("n2").state()).isEqualTo(MemberState.MEMBER);
  }

  @Test
  void aNodeThatJoinsWhileDisabledIsAMemberAtOnce() {
    EngineRig off = new EngineRig(2);
    off.settle();
    off.addNode(3);
    off.round();
    assertThat(off.row("n3").state()).isEqualTo(MemberState.MEMBER);
  }
}
