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

  private final Slot<PlanDigest> digest = new Slot<>();
  private final Slot<List<NodeRef>> table = new Slot<>();
  private final Slot<Optional<AgentPlanView.Common>> common = new Slot<>();

  /** The part of {@code status} every node reads alike, read once per status. */
  Optional<AgentPlanView.Common> common(SecureOverlayStatus status) {
    return common.get(status, AgentPlanView.Common::of);
  }

  PlanDigest digest(SecureOverlayStatus status) {
    return digest.get(status, PlanDigest::of);
  }

  /** The listed rows of {@code status} as {@code parse} reads them, parsed once per status. */
  List<NodeRef> table(
      SecureOverlayStatus status, Function<SecureOverlayStatus, List<NodeRef>> parse) {
    return table.get(status, s -> List.copyOf(parse.apply(s)));
  }

  /** The value computed from the last status object asked about, kept by that object's identity. */
  private static final class Slot<T> {
    private record Entry<T>(SecureOverlayStatus key, T value) {}

    private volatile Entry<T> last;

    T get(SecureOverlayStatus status, Function<SecureOverlayStatus, T> compute) {
      Entry<T> e = last;
      if (e != null && e.key() == status) {
        return e.value();
      }
      T value = compute.apply(status);
      last = new Entry<>(status, value);
      return value;
    }
  }
}
