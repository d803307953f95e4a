package io.secureoverlay.agent.kube;

import io.secureoverlay.agent.reconcile.ClusterIntent;
import io.secureoverlay.protocol.KeyRing;
import java.util.Objects;
import java.util.Optional;

/** What one agent does with one snapshot of the API objects. */
public sealed interface AgentDirective extends AutoCloseable {

  /** The plan this directive came from, when there was one that could be read. */
  Optional<PlanContext> context();

  @Override
  default void close() {}

  /**
   * Keep the data plane exactly as it is: there is no usable plan yet, or it cannot be applied.
   *
   * @param problem true when something is wrong (reported as the node's last error); false when the
   *     agent merely waits (no plan published yet, keys Secret not yet updated)
   */
  record Hold(String reason, boolean problem, Optional<PlanContext> context)
      implements AgentDirective {
    public Hold {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(context, "context");
    }
  }

  /** The plan lists nothing for this node (it is not listed, removed, or nothing is enabled). */
  record RemoveAll(String reason, PlanContext plan) implements AgentDirective {
    @Override
    public Optional<PlanContext> context() {
      return Optional.of(plan);
    }
  }

  /**
   * Reconcile to {@code intent}. Owns {@code keys}, whose secrets the intent refers to: closing the
   * directive zeroes them.
   */
  record Apply(ClusterIntent intent, KeyRing keys, PlanContext plan) implements AgentDirective {
    @Override
    public Optional<PlanContext> context() {
      return Optional.of(plan);
    }

    @Override
    public void close() {
      keys.close();
    }

    @Override
    public String toString() {
      return "Apply[revision=" + plan.revision() + ", keys=" + keys + "]";
    }
  }
}
