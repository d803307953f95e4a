package io.secureoverlay.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The plan the master publishes and every agent follows. Agents acknowledge {@code planRevision} in
 * their {@link SecureOverlayNodeStatus#getObservedPlanRevision()}; the master moves on only when
 * every live node has.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class SecureOverlayStatus {

  @JsonPropertyDescription("The metadata.generation of the spec this plan was made from.")
  private Long observedGeneration;

  private OverlayPhase phase;

  @JsonPropertyDescription("Incremented on every change of the plan; agents acknowledge it.")
  private Long planRevision;

  @JsonPropertyDescription(
      "The plan revision every live node must acknowledge before the master can move on; an agent"
          + " writes its status as soon as it has applied it.")
  private Long ackRevision;

  @JsonPropertyDescription("When ackRevision was last raised.")
  private Instant ackRequestedAt;

  @JsonPropertyDescription("The transition under way, or absent when idle.")
  private Transition transition;

  @JsonPropertyDescription("Live epochs, oldest first. Fingerprints only, never key bytes.")
  private List<EpochStatus> epochs = new ArrayList<>();

  @JsonPropertyDescription("Stable node indices: SPIs and node sets refer to nodes by index.")
  private List<IndexedNode> nodes = new ArrayList<>();

  @JsonPropertyDescription("The epoch senders use, or absent when nobody encrypts.")
  private Long outboundEpoch;

  @JsonPropertyDescription(
      "Nodes (by stable index) that refuse plaintext from peers acknowledged as encrypting.")
  private NodeSet enforcing;

  @JsonPropertyDescription(
      "The highest epoch number ever issued; new epochs count up from it, so a number is never"
          + " reused with another key.")
  private Long lastEpoch;

  @JsonPropertyDescription("Nodes that did not acknowledge the plan within the ack timeout.")
  private List<String> lagging = new ArrayList<>();

  @JsonPropertyDescription("Nodes left out of the plan (spec.excludeNodes or unusable).")
  private List<String> excluded = new ArrayList<>();

  @JsonPropertyDescription("Ready nodes over all nodes in the plan, e.g. 9/10.")
  private String readyNodes;

  private Instant nextRotationAt;

  private Instant lastRotationAt;

  @JsonPropertyDescription("The spec.rotateNowToken the master last acted on.")
  private String handledRotateNowToken;

  private List<StatusCondition> conditions = new ArrayList<>();

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public OverlayPhase getPhase() {
    return phase;
  }

  public void setPhase(OverlayPhase phase) {
    this.phase = phase;
  }

  public Long getPlanRevision() {
    return planRevision;
  }

  public void setPlanRevision(Long planRevision) {
    this.planRevision = planRevision;
  }

  public Long getAckRevision() {
    return ackRevision;
  }

  public void setAckRevision(Long ackRevision) {
    this.ackRevision = ackRevision;
  }

  public Instant getAckRequestedAt() {
    return ackRequestedAt;
  }

  public void setAckRequestedAt(Instant ackRequestedAt) {
    this.ackRequestedAt = ackRequestedAt;
  }

  public Transition getTransition() {
    return transition;
  }

  public void setTransition(Transition transition) {
    this.transition = transition;
  }

  public List<EpochStatus> getEpochs() {
    return epochs;
  }

  public void setEpochs(List<EpochStatus> epochs) {
    this.epochs = epochs;
  }

  public List<IndexedNode> getNodes() {
    return nodes;
  }

  public void setNodes(List<IndexedNode> nodes) {
    this.nodes = nodes;
  }

  public Long getOutboundEpoch() {
    return outboundEpoch;
  }

  public void setOutboundEpoch(Long outboundEpoch) {
    this.outboundEpoch = outboundEpoch;
  }

  public NodeSet getEnforcing() {
    return enforcing;
  }

  public void setEnforcing(NodeSet enforcing) {
    this.enforcing = enforcing;
  }

  public Long getLastEpoch() {
    return lastEpoch;
  }

  public void setLastEpoch(Long lastEpoch) {
    this.lastEpoch = lastEpoch;
  }

  public List<String> getLagging() {
    return lagging;
  }

  public void setLagging(List<String> lagging) {
    this.lagging = lagging;
  }

  public List<String> getExcluded() {
    return excluded;
  }

  public void setExcluded(List<String> excluded) {
    this.excluded = excluded;
  }

  public String getReadyNodes() {
    return readyNodes;
  }

  public void setReadyNodes(String readyNodes) {
    this.readyNodes = readyNodes;
  }

  public Instant getNextRotationAt() {
    return nextRotationAt;
  }

  public void setNextRotationAt(Instant nextRotationAt) {
    this.nextRotationAt = nextRotationAt;
  }

  public Instant getLastRotationAt() {
    return lastRotationAt;
  }

  public void setLastRotationAt(Instant lastRotationAt) {
    this.lastRotationAt = lastRotationAt;
  }

  public String getHandledRotateNowToken() {
    return handledRotateNowToken;
  }

  public void setHandledRotateNowToken(String handledRotateNowToken) {
    this.handledRotateNowToken = handledRotateNowToken;
  }

  public List<StatusCondition> getConditions() {
    return conditions;
  }

  public void setConditions(List<StatusCondition> conditions) {
    this.conditions = conditions;
  }

  /**
   * A copy whose lists can be changed without touching this one; their elements are immutable
   * records, {@link NodeSet}s and strings, so they are shared.
   */
  public SecureOverlayStatus copy() {
    SecureOverlayStatus c = new SecureOverlayStatus();
    c.observedGeneration = observedGeneration;
    c.phase = phase;
    c.planRevision = planRevision;
    c.ackRevision = ackRevision;
    c.ackRequestedAt = ackRequestedAt;
    c.transition = transition;
    c.epochs = epochs == null ? new ArrayList<>() : new ArrayList<>(epochs);
    c.nodes = nodes == null ? new ArrayList<>() : new ArrayList<>(nodes);
    c.outboundEpoch = outboundEpoch;
    c.enforcing = enforcing;
    c.lastEpoch = lastEpoch;
    c.lagging = lagging == null ? new ArrayList<>() : new ArrayList<>(lagging);
    c.excluded = excluded == null ? new ArrayList<>() : new ArrayList<>(excluded);
    c.readyNodes = readyNodes;
    c.nextRotationAt = nextRotationAt;
    c.lastRotationAt = lastRotationAt;
    c.handledRotateNowToken = handledRotateNowToken;
    c.conditions = conditions == null ? new ArrayList<>() : new ArrayList<>(conditions);
    return c;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SecureOverlayStatus other)) {
      return false;
    }
    return Objects.equals(observedGeneration, other.observedGeneration)
        && phase == other.phase
        && Objects.equals(planRevision, other.planRevision)
        && Objects.equals(ackRevision, other.ackRevision)
        && Objects.equals(ackRequestedAt, other.ackRequestedAt)
        && Objects.equals(transition, other.transition)
        && Objects.equals(epochs, other.epochs)
        && Objects.equals(nodes, other.nodes)
        && Objects.equals(outboundEpoch, other.outboundEpoch)
        && Objects.equals(enforcing, other.enforcing)
        && Objects.equals(lastEpoch, other.lastEpoch)
        && Objects.equals(lagging, other.lagging)
        && Objects.equals(excluded, other.excluded)
        && Objects.equals(readyNodes, other.readyNodes)
        && Objects.equals(nextRotationAt, other.nextRotationAt)
        && Objects.equals(lastRotationAt, other.lastRotationAt)
        && Objects.equals(handledRotateNowToken, other.handledRotateNowToken)
        && Objects.equals(conditions, other.conditions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(planRevision, phase, transition, outboundEpoch);
  }
}
