package io.secureoverlay.ui.overview;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.secureoverlay.protocol.ConditionStatus;
import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.SecureOverlayNode;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.protocol.SecureOverlaySpec;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.protocol.StatusCondition;
import io.secureoverlay.ui.cluster.ClusterSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Hand-built cluster snapshots for the overview's unit tests. */
final class Snapshots {

  static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

  private Snapshots() {}

  /** A disabled overlay whose node table lists node-0 .. node-(n-1) as members. */
  static SecureOverlay overlay(int nodes) {
    SecureOverlay overlay = new SecureOverlay();
    overlay.setMetadata(new ObjectMetaBuilder().withName(SecureOverlay.SINGLETON_NAME).build());
    overlay.setSpec(new SecureOverlaySpec());
    SecureOverlayStatus status = new SecureOverlayStatus();
    status.setPhase(OverlayPhase.DISABLED);
    status.setPlanRevision(7L);
    status.setAckRevision(7L);
    List<IndexedNode> rows = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      rows.add(new IndexedNode(name(i), i, "10.0.0." + (i + 1)));
    }
    status.setNodes(rows);
    overlay.setStatus(status);
    return overlay;
  }

  static String name(int i) {
    return "node-" + i;
  }

  /** A healthy report: Ready, fresh heartbeat, 1500-byte underlay, tunnel MTU 1454, revision 7. */
  static SecureOverlayNode node(String name) {
    SecureOverlayNodeStatus status = new SecureOverlayNodeStatus();
    status.setNodeName(name);
    status.setUnderlayIp("10.0.0.1");
    status.setInterfaceMtu(1500);
    status.setTunnelMtu(1454);
    status.setObservedPlanRevision(7L);
    status.setHeartbeat(NOW.minusSeconds(5));
    status.setConditions(
        new ArrayList<>(
            List.of(
                new StatusCondition(
                    StatusCondition.READY, ConditionStatus.TRUE, "InSync", "", NOW, 1L))));
    SecureOverlayNode node = new SecureOverlayNode();
    node.setMetadata(new ObjectMetaBuilder().withName(name).build());
    node.setStatus(status);
    return node;
  }

  /** Healthy reports for node-0 .. node-(n-1). */
  static List<SecureOverlayNode> nodes(int n) {
    List<SecureOverlayNode> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodes.add(node(name(i)));
    }
    return nodes;
  }

  static ClusterSnapshotBuilder of(SecureOverlay overlay, List<SecureOverlayNode> nodes) {
    return new ClusterSnapshotBuilder(overlay, nodes);
  }

  static Event event(String reason, Instant at) {
    return new EventBuilder()
        .withNewMetadata()
        .withName("default." + reason + "." + at.toEpochMilli())
        .withResourceVersion("1")
        .endMetadata()
        .withType("Normal")
        .withReason(reason)
        .withMessage(reason + " happened")
        .withLastTimestamp(at.toString())
        .build();
  }

  /** Assembles the snapshot, with events and a connection state. */
  static final class ClusterSnapshotBuilder {
    private final SecureOverlay overlay;
    private final List<SecureOverlayNode> nodes;
    private final List<Event> events = new ArrayList<>();
    private Instant at = NOW;
    private boolean connected = true;

    private ClusterSnapshotBuilder(SecureOverlay overlay, List<SecureOverlayNode> nodes) {
      this.overlay = overlay;
      this.nodes = nodes;
    }

    ClusterSnapshotBuilder events(Event... newestFirst) {
      events.addAll(List.of(newestFirst));
      return this;
    }

    ClusterSnapshotBuilder at(Instant when) {
      at = when;
      return this;
    }

    ClusterSnapshotBuilder disconnected() {
      connected = false;
      return this;
    }

    ClusterSnapshot build() {
      return new ClusterSnapshot(Optional.ofNullable(overlay), nodes, events, at, connected);
    }
  }
}
