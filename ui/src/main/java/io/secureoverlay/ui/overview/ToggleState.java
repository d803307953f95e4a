package io.secureoverlay.ui.overview;

import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.protocol.SecureOverlaySpec;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.protocol.Transition;
import io.secureoverlay.protocol.TransitionKind;
import io.secureoverlay.ui.cluster.ClusterSnapshot;
import io.secureoverlay.ui.cluster.TransitionPhases;
import java.util.Optional;

/**
 * What the encryption toggle offers for one snapshot, and why it is unavailable when it is.
 *
 * @param action enable when the spec has encryption off, disable when it has it on
 * @param available whether the operator may start it now
 * @param whyNot the reason it is unavailable, in words for the operator; empty when available
 */
public record ToggleState(TransitionKind action, boolean available, String whyNot) {

  public static ToggleState of(ClusterSnapshot snapshot) {
    boolean specEnabled =
        snapshot.spec().map(SecureOverlaySpec::getEnabled).map(Boolean.TRUE::equals).orElse(false);
    TransitionKind action = specEnabled ? TransitionKind.DISABLE : TransitionKind.ENABLE;
    if (snapshot.overlay().isEmpty()) {
      return unavailable(action, "SecureOverlay is not installed in this cluster (deploy/).");
    }
    if (!snapshot.connected()) {
      return unavailable(
          action, "The API server cannot be reached; wait until the console sees it again.");
    }
    Optional<Transition> running = snapshot.status().map(SecureOverlayStatus::getTransition);
    if (running.isPresent()) {
      Transition t = running.get();
      return unavailable(
          action,
          "A "
              + kindWord(t.kind())
              + " is running (step "
              + (t.kind() == null ? t.step() : TransitionPhases.label(t.kind(), t.step()))
              + "); wait until it finishes.");
    }
    OverlayPhase phase = snapshot.phase();
    OverlayPhase settled = specEnabled ? OverlayPhase.ENABLED : OverlayPhase.DISABLED;
    if (phase != settled && phase != OverlayPhase.DEGRADED) {
      return unavailable(
          action,
          "The master has not yet acted on the last change (phase "
              + OverviewSummary.phaseName(phase)
              + "); wait until it does.");
    }
    return new ToggleState(action, true, "");
  }

  /** "Enable encryption…" or "Disable encryption…": the button opens a confirmation first. */
  public String buttonText() {
    return (action == TransitionKind.DISABLE ? "Disable" : "Enable") + " encryption\u2026";
  }

  private static ToggleState unavailable(TransitionKind action, String why) {
    return new ToggleState(action, false, why);
  }

  private static String kindWord(TransitionKind kind) {
    if (kind == null) {
      return "transition";
    }
    return switch (kind) {
      case ENABLE -> "enable";
      case ROTATE -> "key rotation";
      case DISABLE -> "disable";
    };
  }
}
