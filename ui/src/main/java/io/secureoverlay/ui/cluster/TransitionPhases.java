package io.secureoverlay.ui.cluster;

import io.secureoverlay.protocol.TransitionKind;
import java.util.List;
import java.util.Map;

/**
 * The steps the master runs for each kind of transition, in order, under the names it writes to
 * {@code status.transition.step} and with the words the console shows. They mirror the master's
 * pipeline as the protocol publishes it ({@link TransitionKind#steps()}); a step without a label
 * here is still shown, under its own name.
 */
public final class TransitionPhases {

  /**
   * One step.
   *
   * @param name the master's name, e.g. {@code InstallInbound}
   * @param label what the operator reads, e.g. "Install inbound SAs"
   */
  public record Step(String name, String label) {}

  private static final Map<String, String> LABELS =
      Map.of(
          "InstallInbound", "Install inbound SAs",
          "Encrypt", "Encrypt",
          "Enforce", "Enforce",
          "SwitchOutbound", "Switch senders",
          "RetireGrace", "Grace period",
          "RemoveRetired", "Remove old SAs",
          "StopEnforcing", "Stop enforcing",
          "StopEncrypting", "Stop encrypting",
          "RemoveSas", "Remove SAs");

  private TransitionPhases() {}

  public static List<Step> of(TransitionKind kind) {
    return kind.steps().stream()
        .map(name -> new Step(name, LABELS.getOrDefault(name, name)))
        .toList();
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
