package io.secureoverlay.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.protocol.ConditionStatus;
import io.secureoverlay.protocol.EpochState;
import io.secureoverlay.protocol.EpochStatus;
import io.secureoverlay.protocol.NodeSet;
import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.StatusCondition;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverviewSummaryTest {

  @Test
  void aDisabledClusterShowsNoEpochAndNobodyEncrypting() {
    OverviewSummary summary =
        OverviewSummary.of(Snapshots.of(Snapshots.overlay(6), Snapshots.nodes(6)).build());

    assertThat(OverviewSummary.phaseName(summary.phase())).isEqualTo("Disabled");
    assertThat(summary.currentEpochText()).isEqualTo("\u2014");
    assertThat(summary.encrypting()).isZero();
    assertThat(summary.total()).isEqualTo(6);
    assertThat(summary.nextRotation()).isEmpty();
  }

  @Test
  void theCurrentEpochIsTheOutboundOneWithItsShortFingerprint() {
    SecureOverlay overlay = Snapshots.overlay(6);
    overlay.getStatus().setPhase(OverlayPhase.ROTATING);
    overlay
        .getStatus()
        .setEpochs(
            List.of(
                new EpochStatus(
                    2,
                    EpochState.ACTIVE,
                    Snapshots.NOW,
                    "0123456789abcdef",
                    null,
                    NodeSet.of(0, 1)),
                new EpochStatus(
                    3,
                    EpochState.ACTIVE,
                    Snapshots.NOW,
                    "1a2b3c4d5e6f7a8b",
                    NodeSet.range(0, 5),
                    NodeSet.of(2, 3, 4))));
    overlay.getStatus().setOutboundEpoch(3L);
    overlay.getStatus().setNextRotationAt(Snapshots.NOW.plusSeconds(3600));

    OverviewSummary summary = OverviewSummary.of(Snapshots.of(overlay, Snapshots.nodes(6)).build());

    assertThat(OverviewSummary.phaseName(summary.phase())).isEqualTo("Rotating");
    assertThat(summary.currentEpochText()).isEqualTo("Epoch 3 \u00b7 fp 1a2b3c4d\u2026");
    // Senders still on epoch 2 encrypt too: 0 and 1 on the old epoch, 2-4 on the new one.
    assertThat(summary.encrypting()).isEqualTo(5);
    assertThat(summary.nextRotation()).contains(Snapshots.NOW.plusSeconds(3600));
  }

  @Test
  void listsLaggingAndExcludedNodesAndTheConditionsInAFixedOrder() {
    SecureOverlay overlay = Snapshots.overlay(4);
    overlay.getStatus().setLagging(List.of("node-2"));
    overlay.getStatus().setExcluded(List.of("node-3"));
    overlay
        .getStatus()
        .setConditions(
            List.of(
                condition(StatusCondition.DEGRADED, ConditionStatus.TRUE, "NodesLagging"),
                condition(StatusCondition.READY, ConditionStatus.FALSE, "NodesLagging")));

    OverviewSummary summary = OverviewSummary.of(Snapshots.of(overlay, Snapshots.nodes(4)).build());

    assertThat(summary.lagging()).containsExactly("node-2");
    assertThat(summary.excluded()).containsExactly("node-3");
    assertThat(summary.conditions())
        .extracting(StatusCondition::type)
        .containsExactly(StatusCondition.READY, StatusCondition.DEGRADED);
  }

  private static StatusCondition condition(String type, ConditionStatus status, String reason) {
    return new StatusCondition(type, status, reason, "1 node lagging", Snapshots.NOW, 1L);
  }
}
