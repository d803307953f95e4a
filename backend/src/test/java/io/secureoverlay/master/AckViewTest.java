package io.secureoverlay.master;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.protocol.EpochState;
import io.secureoverlay.protocol.EpochStatus;
import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.MemberState;
import io.secureoverlay.protocol.NodeSet;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.protocol.SecureOverlayStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the master reads one acknowledgement against the plan. */
class AckViewTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void theExpectedOutboundEpochFollowsTheAgentsPerPeerRule() {
    // Rotating 1 -> 2: n0 and n1 are ready for 2, n2 only for 1.
    Plan plan = plan(2L, NodeSet.of(0, 1, 2), NodeSet.of(0, 1), MemberState.MEMBER);
    AckView acks = new AckView(plan, Map.of());

    assertThat(acks.expectedOutbound(row(0, MemberState.MEMBER))).isEqualTo(2);
    assertThat(acks.expectedOutbound(row(2, MemberState.MEMBER))).isEqualTo(2);
    assertThat(acks.expectedOutbound(row(2, MemberState.JOINING))).isNull();
    assertThat(acks.expectedOutbound(row(1, MemberState.DEPARTING))).isNull();
  }

  @Test
  void aNodeWhoseOnlyReadyPeerIsOnTheOldEpochSendsTheOldOne() {
    Plan plan = plan(2L, NodeSet.of(0, 1), NodeSet.of(0), MemberState.MEMBER);
    AckView acks = new AckView(plan, Map.of());

    assertThat(acks.expectedOutbound(row(0, MemberState.MEMBER))).isEqualTo(1);
    assertThat(acks.expectedOutbound(row(1, MemberState.MEMBER))).isEqualTo(2);
  }

  @Test
  void anAcknowledgementNeedsTheRevisionAndTheInstalledState() {
    Plan plan = plan(2L, NodeSet.of(0, 1), NodeSet.of(0, 1), MemberState.MEMBER);
    SecureOverlayNodeStatus good = report(7L, List.of(1L, 2L), 2L, false);
    SecureOverlayNodeStatus old = report(6L, List.of(1L, 2L), 2L, false);
    SecureOverlayNodeStatus missing = report(7L, List.of(2L), 2L, false);
    SecureOverlayNodeStatus stillOld = report(7L, List.of(1L, 2L), 1L, false);

    assertThat(new AckView(plan, Map.of("n0", good)).acknowledged(row(0, MemberState.MEMBER)))
        .isTrue();
    assertThat(new AckView(plan, Map.of("n0", old)).acknowledged(row(0, MemberState.MEMBER)))
        .isFalse();
    assertThat(new AckView(plan, Map.of("n0", missing)).acknowledged(row(0, MemberState.MEMBER)))
        .isFalse();
    assertThat(new AckView(plan, Map.of("n0", stillOld)).acknowledged(row(0, MemberState.MEMBER)))
        .isFalse();
    assertThat(new AckView(plan, Map.of()).acknowledged(row(0, MemberState.MEMBER))).isFalse();
  }

  @Test
  void aReportFromBeforeTheRowsStateNeverCounts() {
    Plan plan = plan(2L, NodeSet.of(0, 1), NodeSet.of(0, 1), MemberState.MEMBER);
    AckView acks = new AckView(plan, Map.of("n0", report(7L, List.of(1L, 2L), 2L, false)));
    IndexedNode rejoined = new IndexedNode("n0", 0, "192.0.2.1", MemberState.JOINING, 8L, null);

    assertThat(acks.current(rejoined)).isFalse();
    assertThat(acks.acknowledged(rejoined)).isFalse();
  }

  private static Plan plan(Long out, NodeSet readyOne, NodeSet readyTwo, MemberState everyone) {
    SecureOverlayStatus s = new SecureOverlayStatus();
    s.setPlanRevision(7L);
    s.setAckRevision(7L);
    s.setOutboundEpoch(out);
    List<IndexedNode> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      rows.add(row(i, everyone));
    }
    s.setNodes(rows);
    s.setEpochs(
        new ArrayList<>(
            List.of(
                new EpochStatus(1, EpochState.RETIRING, T, "a", readyOne, NodeSet.empty()),
                new EpochStatus(2, EpochState.ACTIVE, T, "b", readyTwo, NodeSet.empty()))));
    return new Plan(s);
  }

  private static IndexedNode row(int i, MemberState state) {
    return new IndexedNode("n" + i, i, "192.0.2." + (i + 1), state, 1L, null);
  }

  private static SecureOverlayNodeStatus report(
      long observed, List<Long> inbound, Long out, boolean enforce) {
    SecureOverlayNodeStatus r = new SecureOverlayNodeStatus();
    r.setObservedPlanRevision(observed);
    r.setInboundEpochs(new ArrayList<>(inbound));
    r.setOutboundEpoch(out);
    r.setEnforce(enforce);
    return r;
  }
}
