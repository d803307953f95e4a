package io.secureoverlay.ui.topology;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.secureoverlay.protocol.ConditionStatus;
import io.secureoverlay.protocol.EpochCounters;
import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.NodeSet;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds cluster snapshots by hand for tests: n nodes named node-000.., whose plan indices run
 * backwards (node-000 has the highest), so a model that confused positions with indices fails. By
 * default every node reports encrypting to every other with epoch 1, as an enabled cluster does.
 */
public final class SyntheticCluster {

  public static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

  private final int size;
  private final Map<String, SecureOverlayNodeStatus> reports = new LinkedHashMap<>();
  private final List<String> lagging = new ArrayList<>();

  private SyntheticCluster(int size) {
    this.size = size;
    for (int p = 0; p < size; p++) {
      reports.put(name(p), encryptingToAll(p));
    }
  }

  /** n nodes, all encrypting to each other with epoch 1. */
  public static SyntheticCluster encrypted(int size) {
    return new SyntheticCluster(size);
  }

  public static String name(int position) {
    return String.format("node-%03d", position);
  }

  /** The plan index of the node at a position. */
  public int index(int position) {
    return size - 1 - position;
  }

  public SyntheticCluster edit(int position, Consumer<SecureOverlayNodeStatus> change) {
    change.accept(reports.get(name(position)));
    return this;
  }

  /** The node keeps its plan row but has no report. */
  public SyntheticCluster withoutReport(int position) {
    reports.put(name(position), null);
    return this;
  }

  public SyntheticCluster lagging(int position) {
    lagging.add(name(position));
    return this;
  }

  /** The set of plan indices of the positions. */
  public NodeSet indices(int... positions) {
    int[] indices = new int[positions.length];
    for (int i = 0; i < positions.length; i++) {
      indices[i] = index(positions[i]);
    }
    return NodeSet.of(indices);
  }

  /** Every node's index except the position's own and those listed. */
  public NodeSet allBut(int self, int... except) {
    NodeSet all = size == 0 ? NodeSet.empty() : NodeSet.range(0, size - 1);
    NodeSet without = all.without(index(self));
    for (int p : except) {
      without = without.without(index(p));
    }
    return without;
  }

  public ClusterSnapshot snapshot() {
    SecureOverlayStatus status = new SecureOverlayStatus();
    status.setPhase(OverlayPhase.ENABLED);
    status.setPlanRevision(7L);
    status.setOutboundEpoch(1L);
    List<IndexedNode> rows = new ArrayList<>();
    for (int p = 0; p < size; p++) {
      rows.add(new IndexedNode(name(p), index(p), "10.0." + p / 250 + "." + (p % 250 + 1)));
    }
    status.setNodes(rows);
    status.setLagging(new ArrayList<>(lagging));
    SecureOverlay overlay = new SecureOverlay();
    overlay.setMetadata(new ObjectMetaBuilder().withName(SecureOverlay.SINGLETON_NAME).build());
    overlay.setSpec(new SecureOverlaySpec());
    overlay.setStatus(status);
    List<SecureOverlayNode> nodes = new ArrayList<>();
    reports.forEach(
        (name, report) -> {
          if (report != null) {
            SecureOverlayNode node = new SecureOverlayNode();
            node.setMetadata(new ObjectMetaBuilder().withName(name).build());
            node.setStatus(report);
            nodes.add(node);
          }
        });
    return new ClusterSnapshot(Optional.of(overlay), nodes, List.of(), NOW, true);
  }

  public TopologyModel model() {
    return TopologyModel.of(snapshot(), NOW, NodeHealthJudge.withDefaultHeartbeat());
  }

  private SecureOverlayNodeStatus encryptingToAll(int position) {
    SecureOverlayNodeStatus s = new SecureOverlayNodeStatus();
    s.setNodeName(name(position));
    s.setUnderlayIp("10.0." + position / 250 + "." + (position % 250 + 1));
    s.setInterfaceMtu(1500);
    s.setTunnelMtu(1454);
    s.setObservedPlanRevision(7L);
    s.setInboundEpochs(new ArrayList<>(List.of(1L)));
    s.setOutboundEpoch(1L);
    s.setEncryptingTo(allBut(position));
    s.setEnforcingFrom(NodeSet.empty());
    s.setEnforce(false);
    s.setCounters(new ArrayList<>(List.of(new EpochCounters(1, 1000, 10, 2000, 20, 0, 0))));
    s.setAgentVersion("test-1.0");
    s.setHeartbeat(NOW.minusSeconds(5));
    s.setConditions(
        new ArrayList<>(
            List.of(
                new StatusCondition(
                    StatusCondition.READY,
                    ConditionStatus.TRUE,
                    "InSync",
                    "applied plan revision 7",
                    NOW.minusSeconds(60),
                    null))));
    return s;
  }
}
