package io.secureoverlay.master;

import java.util.Objects;

/**
 * A Kubernetes Event the master emits on the {@code SecureOverlay} object.
 *
 * @param reason a stable CamelCase word, e.g. {@code RotationStarted}
 * @param message for people; names fields, nodes, epochs and fingerprints, never key material
 */
public record PlanEvent(Type type, String reason, String message) {

  /** The event types core/v1 Events know. */
  public enum Type {
    NORMAL("Normal"),
    WARNING("Warning");

    private final String kubernetesName;

    Type(String kubernetesName) {
      this.kubernetesName = kubernetesName;
    }

    public String kubernetesName() {
      return kubernetesName;
    }
  }

  public PlanEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  static PlanEvent normal(String reason, String message) {
    return new PlanEvent(Type.NORMAL, reason, message);
  }

  static PlanEvent warning(String reason, String message) {
    return new PlanEvent(Type.WARNING, reason, message);
  }
}
