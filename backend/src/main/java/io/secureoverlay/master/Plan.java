package io.secureoverlay.master;

import io.secureoverlay.protocol.EpochStatus;
import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.MemberState;
import io.secureoverlay.protocol.NodeSet;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.protocol.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The plan being decided in one round: a working copy of the status with lookups by name and index,
 * and the bookkeeping of what changed. Every change made in a round belongs to the revision the
 * round publishes, {@link #nextRevision()}.
 */
final class Plan {

  private final SecureOverlayStatus status;
  private final long revision;
  private final Map<String, IndexedNode> rows = new LinkedHashMap<>();
  private final Map<Integer, String> namesByIndex = new HashMap<>();
  private final TreeMap<Long, EpochStatus> epochs = new TreeMap<>();
  private boolean ackRequested;
  private boolean contentChanged;

  Plan(SecureOverlayStatus previous) {
    this.status = previous == null ? new SecureOverlayStatus() : previous.copy();
    this.revision = status.getPlanRevision() == null ? 0 : status.getPlanRevision();
    if (status.getNodes() == null) {
      status.setNodes(new ArrayList<>());
    }
    if (status.getEpochs() == null) {
      status.setEpochs(new ArrayList<>());
    }
    for (IndexedNode row : status.getNodes()) {
      rows.put(row.name(), row);
      namesByIndex.put(row.index(), row.name());
    }
    for (EpochStatus epoch : status.getEpochs()) {
      epochs.put(epoch.number(), epoch);
    }
  }

  /** The revision of the plan this round started from (0 before the first plan). */
  long revision() {
    return revision;
  }

  /** The revision this round publishes if it changes the plan. */
  long nextRevision() {
    return revision + 1;
  }

  /** What nodes must have acknowledged: the new revision once this round asked for it. */
  long ackRevision() {
    if (ackRequested) {
      return nextRevision();
    }
    return status.getAckRevision() == null ? 0 : status.getAckRevision();
  }

  /** Nodes must acknowledge this round's revision before the master moves on. */
  void requestAck() {
    ackRequested = true;
    contentChanged = true;
  }

  boolean ackRequested() {
    return ackRequested;
  }

  /** The status object itself, for bookkeeping fields that are not part of the plan. */
  SecureOverlayStatus status() {
    return status;
  }

  // ---- node table

  Collection<IndexedNode> rows() {
    return List.copyOf(rows.values());
  }

  Optional<IndexedNode> row(String name) {
    return Optional.ofNullable(rows.get(name));
  }

  Optional<IndexedNode> rowAt(int index) {
    String name = namesByIndex.get(index);
    return name == null ? Optional.empty() : Optional.of(rows.get(name));
  }

  /** Rows agents see: every state but {@link MemberState#REMOVED}. */
  List<IndexedNode> listedRows() {
    return rows.values().stream().filter(r -> r.effectiveState().isListed()).toList();
  }

  /** The lowest index no row holds; rows in Removed still hold theirs. */
  int lowestFreeIndex() {
    int index = 0;
    while (namesByIndex.containsKey(index)) {
      index++;
    }
    if (index > NodeSet.MAX_INDEX) {
      throw new IllegalStateException("no free node index below " + NodeSet.MAX_INDEX);
    }
    return index;
  }

  void addRow(IndexedNode row) {
    if (rows.containsKey(row.name()) || namesByIndex.containsKey(row.index())) {
      throw new IllegalStateException("row " + row.name() + "#" + row.index() + " clashes");
    }
    rows.put(row.name(), row);
    namesByIndex.put(row.index(), row.name());
    requestAck();
  }

  void setState(String name, MemberState state) {
    IndexedNode row = rows.get(name);
    rows.put(name, row.withState(state, nextRevision()));
    requestAck();
  }

  void removeRow(String name) {
    IndexedNode row = rows.remove(name);
    namesByIndex.remove(row.index());
    contentChanged = true;
  }

  /** Bookkeeping only: does not change the plan. */
  void setBehindSince(String name, Instant since) {
    IndexedNode row = rows.get(name);
    if (!Objects.equals(row.behindSince(), since)) {
      rows.put(name, row.withBehindSince(since));
    }
  }

  // ---- epochs and sets

  SortedMap<Long, EpochStatus> epochs() {
    return java.util.Collections.unmodifiableSortedMap(epochs);
  }

  boolean hasEpochs() {
    return !epochs.isEmpty();
  }

  void putEpoch(EpochStatus epoch) {
    if (!epoch.equals(epochs.put(epoch.number(), epoch))) {
      contentChanged = true;
    }
  }

  void updateEpoch(long number, UnaryOperator<EpochStatus> change) {
    EpochStatus old = epochs.get(number);
    if (old != null) {
      putEpoch(change.apply(old));
    }
  }

  void removeEpoch(long number) {
    if (epochs.remove(number) != null) {
      contentChanged = true;
    }
  }

  /** Removes {@code index} from every epoch's inbound-ready set. */
  void removeFromReady(int index) {
    for (long e : List.copyOf(epochs.keySet())) {
      updateEpoch(e, s -> s.withInboundReady(s.readyOrEmpty().without(index)));
    }
  }

  /** Removes {@code index} from every epoch's encrypting set and from the enforcing set. */
  void stopRelyingOn(int index) {
    for (long e : List.copyOf(epochs.keySet())) {
      updateEpoch(e, s -> s.withEncrypting(s.encryptingOrEmpty().without(index)));
    }
    setEnforcing(enforcing().without(index));
  }

  NodeSet encryptingUnion() {
    NodeSet all = NodeSet.empty();
    for (EpochStatus e : epochs.values()) {
      all = all.union(e.encryptingOrEmpty());
    }
    return all;
  }

  Long outbound() {
    return status.getOutboundEpoch();
  }

  void setOutbound(Long epoch) {
    if (!Objects.equals(status.getOutboundEpoch(), epoch)) {
      status.setOutboundEpoch(epoch);
      contentChanged = true;
    }
  }

  NodeSet enforcing() {
    return status.getEnforcing() == null ? NodeSet.empty() : status.getEnforcing();
  }

  void setEnforcing(NodeSet set) {
    NodeSet next = set.isEmpty() ? null : set;
    if (!Objects.equals(status.getEnforcing(), next)) {
      status.setEnforcing(next);
      contentChanged = true;
    }
  }

  long lastEpoch() {
    return status.getLastEpoch() == null ? 0 : status.getLastEpoch();
  }

  Transition transition() {
    return status.getTransition();
  }

  void setTransition(Transition transition) {
    status.setTransition(transition);
  }

  /**
   * The status to write: rows by index, epochs oldest first, and a new planRevision (with
   * ackRevision if requested) when the plan changed.
   */
  SecureOverlayStatus finish(Instant now) {
    List<IndexedNode> sorted = new ArrayList<>(rows.values());
    sorted.sort(Comparator.comparingInt(IndexedNode::index));
    status.setNodes(sorted);
    status.setEpochs(new ArrayList<>(epochs.values()));
    if (contentChanged || status.getPlanRevision() == null) {
      status.setPlanRevision(nextRevision());
    }
    if (ackRequested) {
      status.setAckRevision(nextRevision());
      status.setAckRequestedAt(now);
    }
    return status;
  }

  boolean contentChanged() {
    return contentChanged;
  }
}
