package io.secureoverlay.agent.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.MemberState;
import io.secureoverlay.protocol.NodeSet;
import io.secureoverlay.protocol.SecureOverlayStatus;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class PlanDigestTest {

  @Test
  void readinessGrowingBeforeAnyoneEncryptsChangesNobody() {
    PlanDigest before = digest(new PlanFixtures(3).epoch(1, NodeSet.of(1), NodeSet.empty()));
    PlanDigest after =
        digest(new PlanFixtures(3).revision(2).epoch(1, NodeSet.of(1, 2), NodeSet.empty()));

    assertThat(before.sameDesiredStateFor(after, "node-1")).isTrue();
    assertThat(before.sameDesiredStateFor(after, "node-3")).isTrue();
  }

  @Test
  void readinessGrowingWhileEncryptingChangesWhoIsEncryptedTo() {
    PlanDigest before =
        digest(new PlanFixtures(3).epoch(1, NodeSet.of(1, 2), NodeSet.empty()).outbound(1L));
    PlanDigest after =
        digest(
            new PlanFixtures(3)
                .revision(2)
                .epoch(1, NodeSet.of(1, 2, 3), NodeSet.empty())
                .outbound(1L));

    assertThat(before.sameDesiredStateFor(after, "node-1")).isFalse();
  }

  @Test
  void theEncryptingSetMattersOnlyToNodesThatEnforce() {
    PlanFixtures plan = new PlanFixtures(3);
    PlanDigest before =
        digest(plan.epoch(1, plan.all(), NodeSet.of(1)).outbound(1L).enforcing(NodeSet.of(2)));
    PlanDigest after = digest(plan.revision(2).epoch(1, plan.all(), NodeSet.of(1, 3)));

    assertThat(before.sameDesiredStateFor(after, "node-1")).isTrue();
    assertThat(before.sameDesiredStateFor(after, "node-2")).isFalse();
  }

  @Test
  void theMastersRowBookkeepingIsIgnoredButARowStateIsNot() {
    PlanFixtures plan = new PlanFixtures(3).epoch(1, NodeSet.of(1), NodeSet.empty());
    SecureOverlayStatus status = plan.status();
    PlanDigest before = PlanDigest.of(status);
    SecureOverlayStatus bookkeeping = plan.revision(2).status();
    bookkeeping.setNodes(new ArrayList<>(bookkeeping.getNodes()));
    IndexedNode row = bookkeeping.getNodes().get(2);
    bookkeeping.getNodes().set(2, row.withBehindSince(PlanFixtures.T0));
    PlanDigest joined = digest(plan.revision(3).state(3, MemberState.JOINING));

    assertThat(before.sameDesiredStateFor(PlanDigest.of(bookkeeping), "node-1")).isTrue();
    assertThat(before.sameDesiredStateFor(joined, "node-1")).isFalse();
  }

  private static PlanDigest digest(PlanFixtures plan) {
    return PlanDigest.of(plan.status());
  }
}
