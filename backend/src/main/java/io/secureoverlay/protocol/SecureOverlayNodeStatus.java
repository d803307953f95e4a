package io.secureoverlay.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one node's agent has actually installed and observed, written by that agent only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class SecureOverlayNodeStatus {

  private String nodeName;

  @JsonPropertyDescription("The address IPIP and ESP packets of this node travel from and to.")
  private String underlayIp;

  private Integer interfaceMtu;

  private Integer tunnelMtu;

  @JsonPropertyDescription(
      "The SecureOverlay status.planRevision this node has fully applied: the acknowledgement.")
  private Long observedPlanRevision;

  @JsonPropertyDescription(
      "Epochs whose inbound SAs from every node in the applied plan are installed, ascending.")
  private List<Long> inboundEpochs = new ArrayList<>();

  @JsonPropertyDescription(
      "The newest epoch this node sends with toward any peer, or absent when it sends plaintext"
          + " to all.")
  private Long outboundEpoch;

  @JsonPropertyDescription("Peers (by stable index) this node sends ESP to.")
  private NodeSet encryptingTo;

  @JsonPropertyDescription("Peers (by stable index) from which this node requires ESP.")
  private NodeSet enforcingFrom;

  @JsonPropertyDescription(
      "True when this node is in the plan's enforcing set and its in-policies are installed.")
  private Boolean enforce;

  @JsonPropertyDescription(
      "Epochs of which an installed SA reached its soft lifetime: the master rotates early.")
  private List<Long> softExpiredEpochs = new ArrayList<>();

  private List<EpochCounters> counters = new ArrayList<>();

  @JsonPropertyDescription("Counters of /proc/net/xfrm_stat by their kernel names.")
  private Map<String, Long> xfrmStat = new LinkedHashMap<>();

  private String agentVersion;

  private Instant heartbeat;

  private String lastError;

  private List<StatusCondition> conditions = new ArrayList<>();

  public String getNodeName() {
    return nodeName;
  }

  public void setNodeName(String nodeName) {
    this.nodeName = nodeName;
  }

  public String getUnderlayIp() {
    return underlayIp;
  }

  public void setUnderlayIp(String underlayIp) {
    this.underlayIp = underlayIp;
  }

  public Integer getInterfaceMtu() {
    return interfaceMtu;
  }

  public void setInterfaceMtu(Integer interfaceMtu) {
    this.interfaceMtu = interfaceMtu;
  }

  public Integer getTunnelMtu() {
    return tunnelMtu;
  }

  public void setTunnelMtu(Integer tunnelMtu) {
    this.tunnelMtu = tunnelMtu;
  }

  public Long getObservedPlanRevision() {
    return observedPlanRevision;
  }

  public void setObservedPlanRevision(Long observedPlanRevision) {
    this.observedPlanRevision = observedPlanRevision;
  }

  public List<Long> getInboundEpochs() {
    return inboundEpochs;
  }

  public void setInboundEpochs(List<Long> inboundEpochs) {
    this.inboundEpochs = inboundEpochs;
  }

  public Long getOutboundEpoch() {
    return outboundEpoch;
  }

  public void setOutboundEpoch(Long outboundEpoch) {
    this.outboundEpoch = outboundEpoch;
  }

  public NodeSet getEncryptingTo() {
    return encryptingTo;
  }

  public void setEncryptingTo(NodeSet encryptingTo) {
    this.encryptingTo = encryptingTo;
  }

  public NodeSet getEnforcingFrom() {
    return enforcingFrom;
  }

  public void setEnforcingFrom(NodeSet enforcingFrom) {
    this.enforcingFrom = enforcingFrom;
  }

  public Boolean getEnforce() {
    return enforce;
  }

  public void setEnforce(Boolean enforce) {
    this.enforce = enforce;
  }

  public List<Long> getSoftExpiredEpochs() {
    return softExpiredEpochs;
  }

  public void setSoftExpiredEpochs(List<Long> softExpiredEpochs) {
    this.softExpiredEpochs = softExpiredEpochs;
  }

  public List<EpochCounters> getCounters() {
    return counters;
  }

  public void setCounters(List<EpochCounters> counters) {
    this.counters = counters;
  }

  public Map<String, Long> getXfrmStat() {
    return xfrmStat;
  }

  public void setXfrmStat(Map<String, Long> xfrmStat) {
    this.xfrmStat = xfrmStat;
  }

  public String getAgentVersion() {
    return agentVersion;
  }

  public void setAgentVersion(String agentVersion) {
    this.agentVersion = agentVersion;
  }

  public Instant getHeartbeat() {
    return heartbeat;
  }

  public void setHeartbeat(Instant heartbeat) {
    this.heartbeat = heartbeat;
  }

  public String getLastError() {
    return lastError;
  }

  public void setLastError(String lastError) {
    this.lastError = lastError;
  }

  public List<StatusCondition> getConditions() {
    return conditions;
  }

  public void setConditions(List<StatusCondition> conditions) {
    this.conditions = conditions;
  }
}
