package io.secureoverlay.ui.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.SecureOverlayNode;
import io.secureoverlay.protocol.SecureOverlaySpec;
import io.secureoverlay.protocol.SecureOverlayStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the console knows of the cluster at one moment: the {@code SecureOverlay} singleton (spec
 * and plan), every node's {@code SecureOverlayNode} report, and the master's recent Events, newest
 * first. Views read it and never change it; the objects inside are the informers' copies.
 *
 * @param overlay the singleton, absent when it does not exist (not installed, or not yet seen)
 * @param nodes node reports sorted by name
 * @param events the master's Events, newest first, at most {@link ClusterState#EVENTS_KEPT}
 * @param takenAt when this snapshot was assembled
 * @param connected false while the API server cannot be reached (what is shown is the last known)
 */
public record ClusterSnapshot(
    Optional<SecureOverlay> overlay,
    List<SecureOverlayNode> nodes,
    List<Event> events,
    Instant takenAt,
    boolean connected) {

  public ClusterSnapshot {
    nodes = List.copyOf(nodes);
    events = List.copyOf(events);
  }

  public static ClusterSnapshot empty(Instant at) {
    return new ClusterSnapshot(Optional.empty(), List.of(), List.of(), at, false);
  }

  public Optional<SecureOverlaySpec> spec() {
    return overlay.map(SecureOverlay::getSpec);
  }

  public Optional<SecureOverlayStatus> status() {
    return overlay.map(SecureOverlay::getStatus);
  }

  /** The phase the master last wrote; Disabled until it has written one. */
  public OverlayPhase phase() {
    return status().map(SecureOverlayStatus::getPhase).orElse(OverlayPhase.DISABLED);
  }

  public Optional<SecureOverlayNode> node(String name) {
    return nodes.stream().filter(n -> name.equals(n.getMetadata().getName())).findFirst();
  }
}
