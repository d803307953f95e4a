package io.secureoverlay.protocol;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resources with every field set to a value other than its default, for round-trip tests. */
final class ProtocolFixtures {

  static final Instant T0 = Instant.parse("2024-06-11T10:00:00Z");
  static final Instant T1 = Instant.parse("2024-06-11T10:02:30.250Z");

  private ProtocolFixtures() {}

  static SecureOverlaySpec fullSpec() {
    SecureOverlaySpec spec = new SecureOverlaySpec();
    spec.setEnabled(true);
    spec.setCipher("aes-gcm-256");
    spec.setIcvBits(128);
    spec.setRotationInterval("1h30m");
    spec.setEnforce(true);
    spec.setMtu(new MtuSpec(1402, false));
    spec.setRotateNowToken("rotate-1");
    spec.setRetireGracePeriod("45s");
    spec.setAckTimeout("3m");
    spec.setExcludeNodes(new ArrayList<>(List.of("gpu-1", "edge-2")));
    return spec;
  }

  static SecureOverlayStatus fullStatus() {
    SecureOverlayStatus status = new SecureOverlayStatus();
    status.setObservedGeneration(7L);
    status.setPhase(OverlayPhase.ROTATING);
    status.setPlanRevision(42L);
    status.setTransition(new Transition(TransitionKind.ROTATE, "SwitchOutbound", T0, T1, 41L, 42L));
    status.setEpochs(
        new ArrayList<>(
            List.of(
                new EpochStatus(
                    41,
                    EpochState.ACTIVE,
                    T0,
                    "0123456789abcdef",
                    NodeSet.range(0, 9_999),
                    NodeSet.of(0, 2, 4)),
                new EpochStatus(
                    42,
                    EpochState.INBOUND_READY,
                    T1,
                    "fedcba9876543210",
                    NodeSet.of(
                        java.util.stream.IntStream.range(0, 10_000)
                            .filter(i -> i % 3 != 0)
                            .toArray()),
                    NodeSet.empty()))));
    status.setNodes(
        new ArrayList<>(
            List.of(
                new IndexedNode("node-a", 0, "10.0.0.1"),
                new IndexedNode("node-b", 1, "10.0.0.2", MemberState.JOINING, 41L, T1))));
    status.setOutboundEpoch(41L);
    status.setAckRevision(41L);
    status.setAckRequestedAt(T0);
    status.setEnforcing(NodeSet.range(0, 9_998));
    status.setLastEpoch(42L);
    status.setLagging(new ArrayList<>(List.of("node-c")));
    status.setExcluded(new ArrayList<>(List.of("gpu-1")));
    status.setReadyNodes("2/3");
    status.setNextRotationAt(T1.plusSeconds(5400));
    status.setLastRotationAt(T0);
    status.setHandledRotateNowToken("rotate-0");
    status.setConditions(
        new ArrayList<>(
            List.of(
                new StatusCondition(
                    StatusCondition.READY, ConditionStatus.TRUE, "Encrypting", "all nodes", T0, 7L),
                new StatusCondition(
                    StatusCondition.PROGRESSING,
                    ConditionStatus.TRUE,
                    "Rotating",
                    "switching outbound to epoch 42",
                    T1,
                    7L),
                new StatusCondition(
                    StatusCondition.DEGRADED,
                    ConditionStatus.UNKNOWN,
                    "Lagging",
                    "node-c has not acknowledged",
                    T1,
                    6L))));
    return status;
  }

  static SecureOverlay overlay() {
    SecureOverlay overlay = new SecureOverlay();
    overlay.setMetadata(new ObjectMetaBuilder().withName(SecureOverlay.SINGLETON_NAME).build());
    overlay.setSpec(fullSpec());
    return overlay;
  }

  static SecureOverlayNodeStatus fullNodeStatus() {
    SecureOverlayNodeStatus status = new SecureOverlayNodeStatus();
    status.setNodeName("node-a");
    status.setUnderlayIp("10.0.0.1");
    status.setInterfaceMtu(1450);
    status.setTunnelMtu(1402);
    status.setObservedPlanRevision(42L);
    status.setInboundEpochs(new ArrayList<>(List.of(41L, 42L)));
    status.setOutboundEpoch(41L);
    status.setEncryptingTo(NodeSet.of(1, 2, 5));
    status.setEnforcingFrom(NodeSet.of(1));
    status.setEnforce(true);
    status.setSoftExpiredEpochs(new ArrayList<>(List.of(41L)));
    status.setCounters(
        new ArrayList<>(
            List.of(
                new EpochCounters(41, 1_000_000_000_000L, 900_000_000L, 2_000L, 20L, 3L, 4L),
                new EpochCounters(42, 10L, 1L, 0L, 0L, 0L, 0L))));
    Map<String, Long> xfrmStat = new LinkedHashMap<>();
    xfrmStat.put("XfrmInNoStates", 12L);
    xfrmStat.put("XfrmInStateProtoError", 0L);
    xfrmStat.put("XfrmOutPolBlock", 3L);
    status.setXfrmStat(xfrmStat);
    status.setAgentVersion("0.1.0");
    status.setHeartbeat(T1);
    status.setLastError("EEXIST adding SA spi=0x5e000001; replaced");
    status.setConditions(
        new ArrayList<>(
            List.of(
                new StatusCondition(
                    StatusCondition.READY, ConditionStatus.TRUE, "InSync", "plan 42", T1, 1L))));
    return status;
  }

  static SecureOverlayNode node(String name) {
    SecureOverlayNode node = new SecureOverlayNode();
    node.setMetadata(new ObjectMetaBuilder().withName(name).build());
    return node;
  }
}
