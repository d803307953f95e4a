package io.secureoverlay.agent.kube;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Secret;
import io.secureoverlay.protocol.SecureOverlay;
import java.util.Objects;
import java.util.Optional;

/**
 * What an agent reads from the API server at one moment: the plan object, the keys Secret and its
 * own Node, each absent when the API server has none (or has not been heard from yet).
 *
 * @param synced true once every watch has listed at least once: before that, an absent object means
 *     "not known yet", not "does not exist"
 */
public record ClusterSnapshot(
    Optional<SecureOverlay> overlay, Optional<Secret> keys, Optional<Node> node, boolean synced) {

  public ClusterSnapshot {
    Objects.requireNonNull(overlay, "overlay");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(node, "node");
  }

  /** Deliberately terse: a Secret's data must never reach a log through a snapshot. */
  @Override
  public String toString() {
    return "ClusterSnapshot[overlay="
        + overlay.map(o -> o.getMetadata().getResourceVersion()).orElse("absent")
        + ", keys="
        + keys.map(k -> k.getMetadata().getResourceVersion()).orElse("absent")
        + ", node="
        + node.map(n -> n.getMetadata().getName()).orElse("absent")
        + ", synced="
        + synced
        + "]";
  }
}
