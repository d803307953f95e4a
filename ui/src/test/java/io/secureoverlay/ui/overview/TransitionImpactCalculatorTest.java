package io.secureoverlay.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.mtu.EspMtuCalculator;
import io.secureoverlay.protocol.ConditionStatus;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.SecureOverlayNode;
import io.secureoverlay.protocol.StatusCondition;
import io.secureoverlay.protocol.TransitionKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionImpactCalculatorTest {

  private final TransitionImpactCalculator calculator =
      new TransitionImpactCalculator(new EspMtuCalculator());

  @Test
  void enableRunsInstallEncryptEnforceOnEveryListedNode() {
    TransitionImpact impact =
        calculator.impactOf(
            TransitionKind.ENABLE, Snapshots.of(Snapshots.overlay(6), Snapshots.nodes(6)).build());

    assertThat(impact.phasesText()).isEqualTo("Install inbound SAs \u2192 Encrypt \u2192 Enforce");
    assertThat(impact.participatingNodes()).isEqualTo(6);
    assertThat(impact.concerns()).isEmpty();
  }

  @Test
  void disableRunsTheStepsInReverseAndLeavesExcludedNodesOut() {
    SecureOverlay overlay = Snapshots.overlay(6);
    overlay.getStatus().setExcluded(List.of("node-5"));

    TransitionImpact impact =
        calculator.impactOf(
            TransitionKind.DISABLE, Snapshots.of(overlay, Snapshots.nodes(6)).build());

    assertThat(impact.phasesText())
        .isEqualTo("Stop enforcing \u2192 Stop encrypting \u2192 Remove SAs");
    assertThat(impact.participatingNodes()).isEqualTo(5);
  }

  @Test
  void namesLaggingAndUnhealthyNodesWithTheirReasons() {
    SecureOverlay overlay = Snapshots.overlay(6);
    overlay.getStatus().setLagging(List.of("node-1"));
    List<SecureOverlayNode> nodes = Snapshots.nodes(6);
    nodes
        .get(2)
        .getStatus()
        .setConditions(
            List.of(
                new StatusCondition(
                    StatusCondition.READY,
                    ConditionStatus.FALSE,
                    "ReconcileFailed",
                    "2 SAs not installed",
                    Snapshots.NOW,
                    1L)));
    nodes.get(3).getStatus().setHeartbeat(Snapshots.NOW.minusSeconds(300));
    nodes.get(4).getStatus().setLastError("XFRM_MSG_NEWSA: EINVAL");
    nodes.remove(5);

    TransitionImpact impact =
        calculator.impactOf(TransitionKind.ENABLE, Snapshots.of(overlay, nodes).build());

    assertThat(impact.concerns())
        .extracting(NodeConcern::text)
        .containsExactly(
            "node-1: lagging: it did not acknowledge the plan within the ack timeout",
            "node-2: Ready is False (ReconcileFailed): 2 SAs not installed",
            "node-3: stale heartbeat: last one 5 min ago (2026-11-26 07:55:00 UTC)",
            "node-4: last error: XFRM_MSG_NEWSA: EINVAL",
            "node-5: no agent report: its agent may not be running");
  }

  @Test
  void aHeartbeatWithinThreeMissedBeatsIsNotStale() {
    List<SecureOverlayNode> nodes = Snapshots.nodes(2);
    nodes.get(0).getStatus().setHeartbeat(Snapshots.NOW.minusSeconds(89));

    TransitionImpact impact =
        calculator.impactOf(
            TransitionKind.ENABLE, Snapshots.of(Snapshots.overlay(2), nodes).build());

    assertThat(impact.concerns()).isEmpty();
  }

  @Test
  void theExactLimitFits() {
    TransitionImpact impact =
        calculator.impactOf(
            TransitionKind.ENABLE, Snapshots.of(Snapshots.overlay(3), Snapshots.nodes(3)).build());

    assertThat(impact.mtu().state()).isEqualTo(MtuFit.State.FITS);
    assertThat(impact.mtu().text())
        .isEqualTo(
            "Tunnel MTU 1454 fits: the limit for underlay MTU 1500 with a 64-bit ICV is 1454.");
  }

  @Test
  void aTunnelMtuAboveTheLimitNamesThePacketSizesThatFragment() {
    List<SecureOverlayNode> nodes = Snapshots.nodes(3);
    nodes.forEach(n -> n.getStatus().setTunnelMtu(1480));

    TransitionImpact impact =
        calculator.impactOf(
            TransitionKind.ENABLE, Snapshots.of(Snapshots.overlay(3), nodes).build());

    assertThat(impact.mtu().state()).isEqualTo(MtuFit.State.FRAGMENTS);
    assertThat(impact.mtu().text())
        .startsWith("Tunnel MTU 1480 is too big: the limit for underlay MTU 1500 with a 64-bit ICV")
        .contains("Inner packets of 1455\u20131480 bytes will be fragmented after ESP")
        .contains("Set the tunnel MTU to 1454 first");
  }

  @Test
  void theLimitUsesTheSmallestUnderlayTheLargestTunnelMtuAndTheSpecsIcv() {
    SecureOverlay overlay = Snapshots.overlay(3);
    overlay.getSpec().setIcvBits(128);
    List<SecureOverlayNode> nodes = Snapshots.nodes(3);
    nodes.get(1).getStatus().setInterfaceMtu(1450);
    nodes.get(2).getStatus().setTunnelMtu(1400);

    TransitionImpact impact =
        calculator.impactOf(TransitionKind.ENABLE, Snapshots.of(overlay, nodes).build());

    // 1450 underlay, 128-bit ICV: floor4(1450 - 20 - 16 - 16) - 2 = 1394; 1454 is in use.
    assertThat(impact.mtu().state()).isEqualTo(MtuFit.State.FRAGMENTS);
    assertThat(impact.mtu().text())
        .contains("limit for underlay MTU 1450 with a 128-bit ICV is 1394")
        .contains("Inner packets of 1395\u20131454 bytes");
  }

  @Test
  void oneByteOverNamesASingleSize() {
    List<SecureOverlayNode> nodes = Snapshots.nodes(1);
    nodes.get(0).getStatus().setTunnelMtu(1455);

    TransitionImpact impact =
        calculator.impactOf(
            TransitionKind.ENABLE, Snapshots.of(Snapshots.overlay(1), nodes).build());

    assertThat(impact.mtu().text()).contains("Inner packets of 1455 bytes will be fragmented");
  }

  @Test
  void withoutMtuReportsTheVerdictIsUnknownRatherThanFits() {
    List<SecureOverlayNode> nodes = Snapshots.nodes(2);
    nodes.forEach(n -> n.getStatus().setTunnelMtu(null));

    TransitionImpact impact =
        calculator.impactOf(
            TransitionKind.ENABLE, Snapshots.of(Snapshots.overlay(2), nodes).build());

    assertThat(impact.mtu().state()).isEqualTo(MtuFit.State.UNKNOWN);
    assertThat(impact.mtu().text()).startsWith("Unknown: no agent has reported");
  }
}
