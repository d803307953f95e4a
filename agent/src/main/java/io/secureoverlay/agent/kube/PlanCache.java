package io.secureoverlay.agent.kube;

import io.secureoverlay.protocol.SecureOverlayStatus;
import java.util.function.Function;

/**
 * Remembers what was computed from the last plan object seen, by identity: agents of one process
 * that share a watch (the sandbox) get the same status object and so compute a digest once between
 * them instead of once each. Thread-safe; a single entry, since agents move to a new plan together.
 */
public final class PlanCache {

  private record Entry<T>(SecureOverlayStatus key, T value) {}

  private volatile Entry<PlanDigest> digest;

  PlanDigest digest(SecureOverlayStatus status) {
    return remember(status, PlanDigest::of);
  }

  private PlanDigest remember(
      SecureOverlayStatus status, Function<SecureOverlayStatus, PlanDigest> f) {
    Entry<PlanDigest> e = digest;
    if (e != null && e.key() == status) {
      return e.value();
    }
    PlanDigest value = f.apply(status);
    digest = new Entry<>(status, value);
    return value;
  }
}
