package io.secureoverlay.agent.kube;

import io.secureoverlay.agent.reconcile.NodeRef;
import io.secureoverlay.protocol.AgentPlanView;
import io.secureoverlay.protocol.SecureOverlayStatus;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Remembers what was computed from the last plan object seen, by identity: agents of one process
 * that share a watch (the sandbox) get the same status object and so compute its digest and parse
 * its node table once between them instead of once each. Thread-safe; a single entry each, since
 * agents move to a new plan together.
 */
public final class PlanCache {

  private record Entry<T>(SecureOverlayStatus key, T value) {}

  private volatile Entry<PlanDigest> digest;
  private volatile Entry<List<NodeRef>> table;
  private volatile Entry<Optional<AgentPlanView.Common>> common;

  /** The part of {@code status} every node reads alike, read once per status. */
  Optional<AgentPlanView.Common> common(SecureOverlayStatus status) {
    Entry<Optional<AgentPlanView.Common>> e = common;
    if (e != null && e.key() == status) {
      return e.value();
    }
    Optional<AgentPlanView.Common> value = AgentPlanView.Common.of(status);
    common = new Entry<>(status, value);
    return value;
  }

  PlanDigest digest(SecureOverlayStatus status) {
    Entry<PlanDigest> e = digest;
    if (e != null && e.key() == status) {
      return e.value();
    }
    PlanDigest value = PlanDigest.of(status);
    digest = new Entry<>(status, value);
    return value;
  }

  /** The listed rows of {@code status} as {@code parse} reads them, parsed once per status. */
  List<NodeRef> table(
      SecureOverlayStatus status, Function<SecureOverlayStatus, List<NodeRef>> parse) {
    Entry<List<NodeRef>> e = table;
    if (e != null && e.key() == status) {
      return e.value();
    }
    List<NodeRef> value = List.copyOf(parse.apply(status));
    table = new Entry<>(status, value);
    return value;
  }
}
