package io.secureoverlay.master;

import io.secureoverlay.protocol.TransitionKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The steps of each kind of transition, in order. */
final class TransitionPipeline {

  private static final Map<TransitionKind, List<TransitionStep>> STEPS =
      Map.of(
          TransitionKind.ENABLE,
          List.of(
              new TransitionSteps.InstallInbound(),
              new TransitionSteps.Encrypt(),
              new EnforceStep()),
          TransitionKind.ROTATE,
          List.of(
              new TransitionSteps.InstallInbound(),
              new TransitionSteps.SwitchOutbound(),
              new TransitionSteps.RetireGrace(),
              new TransitionSteps.RemoveRetired()),
          TransitionKind.DISABLE,
          List.of(
              new TransitionSteps.StopEnforcing(),
              new TransitionSteps.StopEncrypting(),
              new TransitionSteps.RemoveSas()));

  private TransitionPipeline() {}

  static TransitionStep first(TransitionKind kind) {
    return STEPS.get(kind).get(0);
  }

  /** The step of that name, if the kind has one (a status written by hand may name anything). */
  static Optional<TransitionStep> step(TransitionKind kind, String name) {
    return STEPS.get(kind).stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The step after {@code step}, or empty when it is the last. */
  static Optional<TransitionStep> after(TransitionKind kind, TransitionStep step) {
    List<TransitionStep> steps = STEPS.get(kind);
    int i = steps.indexOf(step);
    return i + 1 < steps.size() ? Optional.of(steps.get(i + 1)) : Optional.empty();
  }

  static String phaseWord(TransitionKind kind) {
    return switch (kind) {
      case ENABLE -> "Enable";
      case ROTATE -> "Rotation";
      case DISABLE -> "Disable";
    };
  }
}
