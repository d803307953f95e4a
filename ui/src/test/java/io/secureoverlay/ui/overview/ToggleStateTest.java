package io.secureoverlay.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.Transition;
import io.secureoverlay.protocol.TransitionKind;
import org.junit.jupiter.api.Test;

class ToggleStateTest {

  @Test
  void aDisabledClusterOffersEnable() {
    ToggleState state =
        ToggleState.of(Snapshots.of(Snapshots.overlay(2), Snapshots.nodes(2)).build());

    assertThat(state.available()).isTrue();
    assertThat(state.buttonText()).isEqualTo("Enable encryption\u2026");
  }

  @Test
  void anEnabledClusterOffersDisable() {
    SecureOverlay overlay = Snapshots.overlay(2);
    overlay.getSpec().setEnabled(true);
    overlay.getStatus().setPhase(OverlayPhase.ENABLED);

    ToggleState state = ToggleState.of(Snapshots.of(overlay, Snapshots.nodes(2)).build());

    assertThat(state.available()).isTrue();
    assertThat(state.buttonText()).isEqualTo("Disable encryption\u2026");
  }

  @Test
  void aRunningTransitionDisablesTheToggleAndSaysWhy() {
    SecureOverlay overlay = Snapshots.overlay(2);
    overlay.getSpec().setEnabled(true);
    overlay.getStatus().setPhase(OverlayPhase.ROTATING);
    overlay
        .getStatus()
        .setTransition(
            new Transition(
                TransitionKind.ROTATE, "SwitchOutbound", Snapshots.NOW, Snapshots.NOW, 1L, 2L));

    ToggleState state = ToggleState.of(Snapshots.of(overlay, Snapshots.nodes(2)).build());

    assertThat(state.available()).isFalse();
    assertThat(state.whyNot())
        .isEqualTo("A key rotation is running (step Switch senders); wait until it finishes.");
  }

  @Test
  void aChangeTheMasterHasNotPickedUpYetKeepsTheToggleDisabled() {
    SecureOverlay overlay = Snapshots.overlay(2);
    overlay.getSpec().setEnabled(true);

    ToggleState state = ToggleState.of(Snapshots.of(overlay, Snapshots.nodes(2)).build());

    assertThat(state.available()).isFalse();
    assertThat(state.whyNot()).contains("has not yet acted on the last change (phase Disabled)");
  }

  @Test
  void anUnreachableApiServerDisablesTheToggle() {
    ToggleState state =
        ToggleState.of(
            Snapshots.of(Snapshots.overlay(2), Snapshots.nodes(2)).disconnected().build());

    assertThat(state.available()).isFalse();
    assertThat(state.whyNot()).startsWith("The API server cannot be reached");
  }
}
