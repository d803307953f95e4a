package io.secureoverlay.agent.kube;

import io.fabric8.kubernetes.api.model.Node;
import io.secureoverlay.agent.kube.NodeStatusComposer.Readiness;
import io.secureoverlay.protocol.SecureOverlay;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What one agent remembers between passes. Immutable; each step of a pass returns the next state.
 *
 * @param settled nothing to retry: the last pass either applied its plan or is waiting for new
 *     input; false after a failure, so the next tick tries again
 * @param inSync the data plane matches the plan the last pass saw
 * @param enforceFrom the peers the applied desired state enforces against
 */
record PassState(
    PassInputs inputs,
    Optional<SecureOverlay> overlay,
    Optional<Node> node,
    Optional<PlanContext> context,
    OptionalLong appliedRevision,
    boolean settled,
    boolean inSync,
    Optional<String> lastError,
    String holdReason,
    Readiness readiness,
    Optional<Set<Integer>> enforceFrom,
    Instant lastFullPass) {

  static final PassState INITIAL =
      new PassState(
          PassInputs.NONE,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          OptionalLong.empty(),
          false,
          false,
          Optional.empty(),
          "",
          new Readiness(false, NodeStatusComposer.WAITING, "starting"),
          Optional.empty(),
          Instant.EPOCH);

  PassState withSnapshot(ClusterSnapshot s, PassInputs in, Instant now) {
    return new PassState(
        in,
        s.overlay(),
        s.node(),
        context,
        appliedRevision,
        settled,
        inSync,
        lastError,
        holdReason,
        readiness,
        enforceFrom,
        now);
  }

  PassState withContext(PlanContext c) {
    return new PassState(
        inputs,
        overlay,
        node,
        Optional.of(c),
        appliedRevision,
        settled,
        inSync,
        lastError,
        holdReason,
        readiness,
        enforceFrom,
        lastFullPass);
  }

  PassState held(String reason, boolean problem) {
    Readiness r =
        new Readiness(
            false, problem ? NodeStatusComposer.HOLDING : NodeStatusComposer.WAITING, reason);
    return new PassState(
        inputs,
        overlay,
        node,
        context,
        appliedRevision,
        true,
        false,
        problem ? Optional.of(reason) : Optional.empty(),
        reason,
        r,
        enforceFrom,
        lastFullPass);
  }

  PassState applied(long revision, Set<Integer> enforcing) {
    Readiness r =
        new Readiness(true, NodeStatusComposer.IN_SYNC, "plan revision " + revision + " applied");
    return new PassState(
        inputs,
        overlay,
        node,
        context,
        OptionalLong.of(revision),
        true,
        true,
        Optional.empty(),
        "",
        r,
        Optional.of(Set.copyOf(enforcing)),
        lastFullPass);
  }

  PassState unsettled(String error) {
    Readiness r = new Readiness(false, NodeStatusComposer.APPLY_FAILED, error);
    return new PassState(
        inputs,
        overlay,
        node,
        context,
        appliedRevision,
        false,
        false,
        Optional.of(error),
        "",
        r,
        enforceFrom,
        lastFullPass);
  }
}
