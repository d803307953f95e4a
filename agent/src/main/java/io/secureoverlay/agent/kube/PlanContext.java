package io.secureoverlay.agent.kube;

import io.secureoverlay.agent.reconcile.NodeRef;
import io.secureoverlay.protocol.AgentPlanView;
import io.secureoverlay.protocol.EpochStatus;
import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.spi.SpiAllocator;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One plan revision as one agent reads it: the master's {@link AgentPlanView} (the contract of
 * {@code docs/design/plan-protocol.md}, section 2.2) with the node table parsed into {@link
 * NodeRef}s and the epochs' fingerprints. Holds no key: enough to read the data plane back into
 * status terms (which peer an SA is for, which epoch a slot means).
 *
 * @param self this node as a {@link NodeRef}, empty when the plan does not list it
 * @param listed every row not {@code Removed}, self included
 * @param indexByUnderlay the index of every listed node by its underlay address, self included
 * @param epochs the plan's live epochs, in plan order
 */
public record PlanContext(
    AgentPlanView view,
    Optional<NodeRef> self,
    List<NodeRef> listed,
    Map<InetAddress, Integer> indexByUnderlay,
    List<EpochStatus> epochs) {

  public PlanContext {
    listed = List.copyOf(listed);
    indexByUnderlay = Map.copyOf(indexByUnderlay);
    epochs = List.copyOf(epochs);
  }

  /**
   * Reads the plan, or empty when there is none yet (no status, no planRevision).
   *
   * @throws PlanException naming the row or field when the plan cannot be used as it is
   */
  public static Optional<PlanContext> of(SecureOverlayStatus status, String nodeName) {
    return of(status, nodeName, new PlanCache());
  }

  /** As {@link #of(SecureOverlayStatus, String)}, parsing the node table through {@code cache}. */
  static Optional<PlanContext> of(SecureOverlayStatus status, String nodeName, PlanCache cache) {
    Optional<AgentPlanView> read;
    try {
      read = cache.common(status).map(c -> AgentPlanView.of(c, nodeName));
    } catch (RuntimeException e) {
      // A plan missing its lists or carrying an unparseable row: refuse it as a whole.
      throw new PlanException("status is incomplete: " + e.getClass().getSimpleName());
    }
    if (read.isEmpty()) {
      return Optional.empty();
    }
    AgentPlanView view = read.get();
    List<NodeRef> listed = cache.table(status, s -> parse(view.nodes()));
    Map<InetAddress, Integer> indexByUnderlay = cache.indexByUnderlay(status, listed);
    Optional<NodeRef> self = listed.stream().filter(n -> n.name().equals(nodeName)).findFirst();
    List<EpochStatus> epochs = status.getEpochs() == null ? List.of() : status.getEpochs();
    if (view.outboundEpoch().isPresent()
        && !view.inboundEpochs().contains(view.outboundEpoch().getAsLong())) {
      throw new PlanException(
          "status.outboundEpoch " + view.outboundEpoch().getAsLong() + " is not in status.epochs");
    }
    return Optional.of(new PlanContext(view, self, listed, indexByUnderlay, epochs));
  }

  private static List<NodeRef> parse(List<IndexedNode> rows) {
    List<NodeRef> listed = new ArrayList<>(rows.size());
    rows.forEach(r -> listed.add(ref(r)));
    return listed;
  }

  private static NodeRef ref(IndexedNode row) {
    String where = "status.nodes[" + row.name() + "]";
    var address =
        Ipv4Literal.parse(row.underlayIp())
            .orElseThrow(() -> new PlanException(where + ".underlayIp is not an IPv4 address"));
    if (row.index() < 0 || row.index() > SpiAllocator.MAX_NODE_INDEX) {
      throw new PlanException(where + ".index " + row.index() + " is out of range");
    }
    try {
      return new NodeRef(row.name(), address, row.index());
    } catch (IllegalArgumentException e) {
      throw new PlanException(where + ": " + e.getMessage());
    }
  }

  public long revision() {
    return view.planRevision();
  }

  public long ackRevision() {
    return view.ackRevision();
  }

  /** Epoch by SPI slot, for reading SAs back; live epochs never share a slot. */
  public Map<Integer, Long> epochBySlot() {
    Map<Integer, Long> bySlot = new HashMap<>();
    for (long e : view.inboundEpochs()) {
      bySlot.put((int) (e % SpiAllocator.LIVE_EPOCH_SLOTS), e);
    }
    return bySlot;
  }

  /** Whether the plan has this node refuse plaintext from encrypting peers. */
  public boolean selfEnforcing() {
    return self.isPresent() && view.enforcing().contains(self.get().index());
  }
}
