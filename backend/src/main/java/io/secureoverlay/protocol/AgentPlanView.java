package io.secureoverlay.protocol;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one agent takes from the plan (docs/design/plan-protocol.md, section 2.2), in plain terms
 * the agent maps one to one onto its {@code ClusterIntent}. The one rule beyond copying fields: a
 * node whose row does not allow it to encrypt ({@link MemberState#mayEncrypt()}) gets no outbound
 * epoch, so a joining node sends plaintext until every live peer holds its SAs.
 */
public final class AgentPlanView {

  private final Common common;
  private final IndexedNode self;
  private final OptionalLong outboundEpoch;

  /**
   * The part of the plan that reads the same for every node: agents of one process that watch the
   * same plan object (the sandbox) share one, instead of each building sets of a thousand indices.
   * Immutable.
   */
  public static final class Common {
    private final long planRevision;
    private final long ackRevision;
    private final Long outboundEpoch;
    private final List<IndexedNode> nodes;
    private final SortedSet<Long> inboundEpochs;
    private final Map<Long, Set<Integer>> inboundReady;
    private final Set<Integer> encrypting;
    private final Set<Integer> enforcing;

    private Common(SecureOverlayStatus status) {
      this.planRevision = status.getPlanRevision();
      this.ackRevision = status.getAckRevision() == null ? 0 : status.getAckRevision();
      this.outboundEpoch = status.getOutboundEpoch();
      this.nodes = status.getNodes().stream().filter(r -> r.effectiveState().isListed()).toList();
      TreeSet<Long> inbound = new TreeSet<>();
      Map<Long, Set<Integer>> ready = new LinkedHashMap<>();
      Set<Integer> senders = new HashSet<>();
      for (EpochStatus e : status.getEpochs()) {
        inbound.add(e.number());
        ready.put(e.number(), Collections.unmodifiableSet(indices(e.readyOrEmpty())));
        senders.addAll(indices(e.encryptingOrEmpty()));
      }
      this.inboundEpochs = Collections.unmodifiableSortedSet(inbound);
      this.inboundReady = Collections.unmodifiableMap(ready);
      this.encrypting = Set.copyOf(senders);
      this.enforcing =
          status.getEnforcing() == null ? Set.of() : Set.copyOf(indices(status.getEnforcing()));
    }

    /**
     * The common part of a plan, or empty when there is none yet (no status or no planRevision).
     */
    public static Optional<Common> of(SecureOverlayStatus status) {
      if (status == null || status.getPlanRevision() == null) {
        return Optional.empty();
      }
      return Optional.of(new Common(status));
    }
  }

  private AgentPlanView(Common common, String selfName) {
    this.common = common;
    this.self =
        common.nodes.stream().filter(r -> r.name().equals(selfName)).findFirst().orElse(null);
    boolean mayEncrypt = self != null && self.effectiveState().mayEncrypt();
    this.outboundEpoch =
        common.outboundEpoch != null && mayEncrypt
            ? OptionalLong.of(common.outboundEpoch)
            : OptionalLong.empty();
  }

  /**
   * The plan as node {@code selfName} reads it, or empty when there is no plan yet (no status or no
   * planRevision): then the agent keeps its data plane exactly as it is.
   */
  public static Optional<AgentPlanView> of(SecureOverlayStatus status, String selfName) {
    return Common.of(status).map(c -> new AgentPlanView(c, selfName));
  }

  /** The plan as node {@code selfName} reads it, from a common part read once for every node. */
  public static AgentPlanView of(Common common, String selfName) {
    return new AgentPlanView(common, selfName);
  }

  public long planRevision() {
    return common.planRevision;
  }

  /** The revision the master waits for: write the node status once it is applied. */
  public long ackRevision() {
    return common.ackRevision;
  }

  /**
   * Whether the node is part of the overlay. When false, the agent removes every SA and policy it
   * owns and then acknowledges.
   */
  public boolean selfListed() {
    return self != null;
  }

  /** The node's own row; only when {@link #selfListed()}. */
  public IndexedNode self() {
    if (self == null) {
      throw new IllegalStateException("this node is not in the plan's node table");
    }
    return self;
  }

  /** Every row not Removed, self included: the nodes to hold SAs with. */
  public List<IndexedNode> nodes() {
    return common.nodes;
  }

  /** Install inbound SAs for each of these from every listed peer. */
  public SortedSet<Long> inboundEpochs() {
    return common.inboundEpochs;
  }

  /** The epoch to encrypt with, withheld when the node may not encrypt (yet, or any more). */
  public OptionalLong outboundEpoch() {
    return outboundEpoch;
  }

  public Map<Long, Set<Integer>> inboundReady() {
    return common.inboundReady;
  }

  /** Union of every epoch's encrypting set: peers whose plaintext may be refused. */
  public Set<Integer> encrypting() {
    return common.encrypting;
  }

  public Set<Integer> enforcing() {
    return common.enforcing;
  }

  /**
   * Whether a node that has fully applied this plan must write its status now, given the
   * observedPlanRevision it last wrote ({@code null} if none).
   */
  public boolean acknowledgementDue(Long lastWrittenObserved) {
    return lastWrittenObserved == null || lastWrittenObserved < common.ackRevision;
  }

  private static Set<Integer> indices(NodeSet set) {
    Set<Integer> out = new HashSet<>();
    set.stream().forEach(out::add);
    return out;
  }
}
