package io.secureoverlay.agent.kube;

import io.fabric8.kubernetes.api.model.Node;
import io.secureoverlay.agent.kube.NodeStatusComposer.Readiness;
import io.secureoverlay.protocol.NodeSet;
import io.secureoverlay.protocol.SecureOverlay;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one agent remembers between passes. Immutable; each step of a pass returns the next state.
 *
 * @param digest the plan the last full pass worked from, to tell whether a newer one matters
 * @param ackRevision the revision the master waits for, as the newest plan seen says
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
    Optional<PlanDigest> digest,
    long ackRevision,
    OptionalLong appliedRevision,
    boolean settled,
    boolean inSync,
    Optional<String> lastError,
    String holdReason,
    Readiness readiness,
    Optional<NodeSet> enforceFrom,
    Instant lastFullPass) {

  static final PassState INITIAL =
      new PassState(
          PassInputs.NONE,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Long.MAX_VALUE,
          OptionalLong.empty(),
          false,
          false,
          Optional.empty(),
          "",
          new Readiness(false, NodeStatusComposer.WAITING, "starting"),
          Optional.empty(),
          Instant.EPOCH);

  /** A full pass starts from this snapshot. */
  PassState fullPass(ClusterSnapshot s, PassInputs in, Optional<PlanDigest> d, Instant now) {
    return new PassState(
        in,
        s.overlay(),
        s.node(),
        context,
        d,
        ackRevision,
        appliedRevision,
        settled,
        inSync,
        lastError,
        holdReason,
        readiness,
        enforceFrom,
        now);
  }

  /** A newer plan that leaves this node's desired state as it is: applied without a pass. */
  PassState movedTo(PlanDigest d, PassInputs in, ClusterSnapshot s, long ack) {
    Readiness r =
        new Readiness(
            true, NodeStatusComposer.IN_SYNC, "plan revision " + d.planRevision() + " applied");
    return new PassState(
        in,
        s.overlay(),
        s.node(),
        context,
        Optional.of(d),
        ack,
        OptionalLong.of(d.planRevision()),
        true,
        true,
        Optional.empty(),
        "",
        r,
        enforceFrom,
        lastFullPass);
  }

  PassState withContext(PlanContext c) {
    return new PassState(
        inputs,
        overlay,
        node,
        Optional.of(c),
        digest,
        c.ackRevision(),
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
        digest,
        ackRevision,
        appliedRevision,
        true,
        false,
        problem ? Optional.of(reason) : Optional.empty(),
        reason,
        r,
        enforceFrom,
        lastFullPass);
  }

  PassState applied(long revision, NodeSet enforcing) {
    Readiness r =
        new Readiness(true, NodeStatusComposer.IN_SYNC, "plan revision " + revision + " applied");
    return new PassState(
        inputs,
        overlay,
        node,
        context,
        digest,
        ackRevision,
        OptionalLong.of(revision),
        true,
        true,
        Optional.empty(),
        "",
        r,
        Optional.of(enforcing),
        lastFullPass);
  }

  PassState unsettled(String error) {
    Readiness r = new Readiness(false, NodeStatusComposer.APPLY_FAILED, error);
    return new PassState(
        inputs,
        overlay,
        node,
        context,
        digest,
        ackRevision,
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
