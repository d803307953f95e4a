package io.secureoverlay.ui.overview;

import io.secureoverlay.protocol.TransitionKind;
import java.util.List;

/**
 * The steps the master runs for each kind of transition, in order, under the names it writes to
 * {@code status.transition.step} and with the words the console shows. They mirror the master's
 * pipeline (docs/design/plan-protocol.md, section 4); a step name the console does not know is
 * still shown, under its own name.
 */
public final class TransitionPhases {

  /**
   * One step.
   *
   * @param name the master's name, e.g. {@code InstallInbound}
   * @param label what the operator reads, e.g. "Install inbound SAs"
   */
  public record Step(String name, String label) {}

  private static final List<Step> ENABLE =
      List.of(
          new Step("InstallInbound", "Install inbound SAs"),
          new Step("Encrypt", "Encrypt"),
          new Step("Enforce", "Enforce"));

  private static final List<Step> ROTATE =
      List.of(
          new Step("InstallInbound", "Install inbound SAs"),
          new Step("SwitchOutbound", "Switch senders"),
          new Step("RetireGrace", "Grace period"),
          new Step("RemoveRetired", "Remove old SAs"));

  private static final List<Step> DISABLE =
      List.of(
          new Step("StopEnforcing", "Stop enforcing"),
          new Step("StopEncrypting", "Stop encrypting"),
          new Step("RemoveSas", "Remove SAs"));

  private TransitionPhases() {}

  public static List<Step> of(TransitionKind kind) {
    return switch (kind) {
      case ENABLE -> ENABLE;
      case ROTATE -> ROTATE;
      case DISABLE -> DISABLE;
    };
  }

  /** The label of a step name, or the name itself when the console does not know it. */
  public static String label(TransitionKind kind, String name) {
    return of(kind).stream()
        .filter(s -> s.name().equals(name))
        .map(Step::label)
        .findFirst()
        .orElse(name == null ? "starting" : name);
  }

  /** "Enabled", "Rotated", "Disabled": how a finished transition is reported. */
  public static String pastTense(TransitionKind kind) {
    return switch (kind) {
      case ENABLE -> "Enabled";
      case ROTATE -> "Rotated";
      case DISABLE -> "Disabled";
    };
  }
}
