package io.secureoverlay.ui.topology;

import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.SecureOverlayNode;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.ui.cluster.ClusterSnapshot;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The topology at one moment: every node the plan lists or that reports (in name order), its
 * health, and the state of every pair. Pure: built from a {@link ClusterSnapshot} and the time it
 * is judged at, so every picture of it is testable without a browser or a cluster.
 */
public final class TopologyModel {

  private final List<TopologyNode> nodes;
  private final Map<String, TopologyNode> byName;
  private final PairMatrix pairs;
  private final Instant judgedAt;

  private TopologyModel(List<TopologyNode> nodes, PairMatrix pairs, Instant judgedAt) {
    this.nodes = List.copyOf(nodes);
    this.pairs = pairs;
    this.judgedAt = judgedAt;
    this.byName = new TreeMap<>();
    nodes.forEach(node -> byName.put(node.name(), node));
  }

  /**
   * How many nodes a model of this snapshot shows, without building it: every node the plan lists
   * and every node that reports, once each.
   */
  public static int nodeCount(ClusterSnapshot snapshot) {
    Set<String> names = new HashSet<>();
    snapshot
        .status()
        .ifPresent(
            status -> {
              for (IndexedNode row : status.getNodes()) {
                if (row.effectiveState().isListed()) {
                  names.add(row.name());
                }
              }
            });
    for (SecureOverlayNode node : snapshot.nodes()) {
      names.add(node.getMetadata().getName());
    }
    return names.size();
  }

  public static TopologyModel of(ClusterSnapshot snapshot, Instant now, NodeHealthJudge judge) {
    Map<String, Integer> planIndex = new TreeMap<>();
    Map<String, String> planIp = new TreeMap<>();
    Set<String> lagging = new HashSet<>();
    Optional<SecureOverlayStatus> plan = snapshot.status();
    plan.ifPresent(
        status -> {
          for (IndexedNode row : status.getNodes()) {
            if (row.effectiveState().isListed()) {
              planIndex.put(row.name(), row.index());
              if (row.underlayIp() != null) {
                planIp.put(row.name(), row.underlayIp());
              }
            }
          }
          if (status.getLagging() != null) {
            lagging.addAll(status.getLagging());
          }
        });
    Map<String, SecureOverlayNodeStatus> reports = new TreeMap<>();
    Set<String> names = new TreeSet<>(planIndex.keySet());
    for (SecureOverlayNode node : snapshot.nodes()) {
      String name = node.getMetadata().getName();
      names.add(name);
      if (node.getStatus() != null) {
        reports.put(name, node.getStatus());
      }
    }
    List<TopologyNode> nodes = new ArrayList<>(names.size());
    int[] indices = new int[names.size()];
    List<SecureOverlayNodeStatus> reportList = new ArrayList<>(names.size());
    for (String name : names) {
      int position = nodes.size();
      Integer index = planIndex.get(name);
      indices[position] = index == null ? -1 : index;
      SecureOverlayNodeStatus report = reports.get(name);
      reportList.add(report);
      nodes.add(
          new TopologyNode(
              name,
              position,
              index == null ? OptionalInt.empty() : OptionalInt.of(index),
              planIp.get(name),
              report,
              judge.judge(report, lagging.contains(name), now)));
    }
    return new TopologyModel(nodes, PairMatrix.of(indices, reportList), now);
  }

  /** Nodes in name order; a node's position is its place in this list. */
  public List<TopologyNode> nodes() {
    return nodes;
  }

  public int size() {
    return nodes.size();
  }

  public Optional<TopologyNode> node(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public PairMatrix pairs() {
    return pairs;
  }

  public Instant judgedAt() {
    return judgedAt;
  }

  /**
   * Whether a picture of this model looks exactly like one of {@code other}: the same nodes with
   * the same health, the same pair states. Heartbeats and counters alone do not change a picture.
   */
  public boolean samePicture(TopologyModel other) {
    if (other == null || other.size() != size() || !pairs.sameStatesAs(other.pairs)) {
      return false;
    }
    for (int p = 0; p < nodes.size(); p++) {
      TopologyNode mine = nodes.get(p);
      TopologyNode theirs = other.nodes.get(p);
      if (!mine.name().equals(theirs.name())
          || mine.health().health() != theirs.health().health()) {
        return false;
      }
    }
    return true;
  }

  public Map<NodeHealth, Long> healthCounts() {
    Map<NodeHealth, Long> counts = new EnumMap<>(NodeHealth.class);
    for (NodeHealth health : NodeHealth.values()) {
      counts.put(health, 0L);
    }
    nodes.forEach(node -> counts.merge(node.health().health(), 1L, Long::sum));
    return counts;
  }

  /** "15 pairs encrypted both ways, 0 encrypted one way only, 0 plaintext, 0 broken". */
  public String pairCountsSummary() {
    NumberFormat format = NumberFormat.getIntegerInstance(Locale.ENGLISH);
    List<String> parts = new ArrayList<>();
    for (PairState state : PairState.values()) {
      String count = format.format(pairs.count(state));
      parts.add(
          parts.isEmpty()
              ? count + (pairs.count(state) == 1 ? " pair " : " pairs ") + state.countNoun()
              : count + " " + state.countNoun());
    }
    return String.join(", ", parts);
  }
}
