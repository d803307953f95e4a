package io.secureoverlay.ui.keys;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.SecureOverlayNode;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.protocol.SecureOverlaySpec;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.protocol.Transition;
import io.secureoverlay.protocol.TransitionKind;
import io.secureoverlay.ui.cluster.ClusterSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds synthetic cluster snapshots: a plan over named nodes and each node's acknowledgement. */
final class Snapshots {

  private final List<String> nodes;
  private final Map<String, Long> observed = new LinkedHashMap<>();
  private Transition transition;
  private long ackRevision;
  private Instant lastRotationAt;
  private List<String> lagging = List.of();

  Snapshots(String... nodes) {
    this.nodes = List.of(nodes);
    for (String node : nodes) {
      observed.put(node, 1L);
    }
  }

  Snapshots rotating(long from, long to, String step, Instant startedAt) {
    transition = new Transition(TransitionKind.ROTATE, step, startedAt, startedAt, from, to);
    return this;
  }

  Snapshots disabling(Instant startedAt) {
    transition =
        new Transition(TransitionKind.DISABLE, "StopEnforcing", startedAt, startedAt, 1L, null);
    return this;
  }

  Snapshots idle(Instant lastRotation) {
    transition = null;
    lastRotationAt = lastRotation;
    return this;
  }

  Snapshots ackRevision(long revision) {
    ackRevision = revision;
    return this;
  }

  Snapshots acknowledged(String node, long revision) {
    observed.put(node, revision);
    return this;
  }

  Snapshots lagging(String... names) {
    lagging = List.of(names);
    return this;
  }

  ClusterSnapshot at(Instant takenAt) {
    SecureOverlaySpec spec = new SecureOverlaySpec();
    spec.setEnabled(true);
    SecureOverlayStatus status = new SecureOverlayStatus();
    status.setPhase(transition == null ? OverlayPhase.ENABLED : OverlayPhase.ROTATING);
    status.setTransition(transition);
    status.setAckRevision(ackRevision);
    status.setPlanRevision(ackRevision);
    status.setLastRotationAt(lastRotationAt);
    status.setLagging(new ArrayList<>(lagging));
    List<IndexedNode> rows = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      rows.add(new IndexedNode(nodes.get(i), i, "10.0.0." + (i + 1)));
    }
    status.setNodes(rows);
    SecureOverlay overlay = new SecureOverlay();
    overlay.setMetadata(new ObjectMetaBuilder().withName(SecureOverlay.SINGLETON_NAME).build());
    overlay.setSpec(spec);
    overlay.setStatus(status);
    List<SecureOverlayNode> reports = new ArrayList<>();
    for (String name : nodes) {
      SecureOverlayNodeStatus report = new SecureOverlayNodeStatus();
      report.setObservedPlanRevision(observed.get(name));
      SecureOverlayNode node = new SecureOverlayNode();
      node.setMetadata(new ObjectMetaBuilder().withName(name).build());
      node.setStatus(report);
      reports.add(node);
    }
    return new ClusterSnapshot(Optional.of(overlay), reports, List.of(), takenAt, true);
  }
}
