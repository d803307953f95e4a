package io.secureoverlay.agent.kube;

import io.secureoverlay.agent.dataplane.Dataplane;
import io.secureoverlay.agent.reconcile.NodeRef;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.mtu.EspMtuCalculator;
import io.secureoverlay.mtu.InvalidMtuInputException;
import io.secureoverlay.mtu.MtuRequest;
import io.secureoverlay.protocol.ConditionStatus;
import io.secureoverlay.protocol.Conditions;
import io.secureoverlay.protocol.MtuSpec;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.protocol.SecureOverlaySpec;
import io.secureoverlay.protocol.StatusCondition;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Builds the {@code SecureOverlayNode} status from what the agent read back and decided. */
public final class NodeStatusComposer {

  /** Reasons of the node's Ready condition: stable words for programs. */
  public static final String IN_SYNC = "InSync";

  public static final String WAITING = "Waiting";
  public static final String HOLDING = "Holding";
  public static final String APPLY_FAILED = "ApplyFailed";

  private final EspMtuCalculator mtu = new EspMtuCalculator();
  private final InstalledStateReader reader = new InstalledStateReader();

  /**
   * The status of an agent in {@code state}: the data plane read back against the plan the agent
   * last worked from, this node's address from its Node (else its plan row), its interface MTU.
   */
  SecureOverlayNodeStatus compose(
      PassState state,
      Dataplane dataplane,
      KubeAgentSettings settings,
      UnderlayMtuProbe mtuProbe,
      Instant now,
      List<StatusCondition> previous) {
    Optional<InetAddress> underlay =
        state
            .node()
            .flatMap(NodeAddresses::underlay)
            .<InetAddress>map(a -> a)
            .or(() -> state.context().flatMap(PlanContext::self).map(NodeRef::underlay));
    InstalledState installed =
        state
            .context()
            .map(c -> reader.read(dataplane, c, state.enforceFrom()))
            .orElse(InstalledState.NOTHING);
    Optional<SecureOverlaySpec> spec = state.overlay().map(SecureOverlay::getSpec);
    Inputs inputs =
        new Inputs(
            settings.nodeName(),
            underlay.map(InetAddress::getHostAddress),
            underlay.map(mtuProbe::mtuOf).orElse(OptionalInt.empty()),
            spec.map(SecureOverlaySpec::getMtu).map(MtuSpec::tunnelMtu),
            icv(spec),
            state.appliedRevision().isPresent() ? state.appliedRevision().getAsLong() : null,
            installed,
            dataplane.xfrmStatistics(),
            settings.agentVersion(),
            now,
            state.lastError().orElse(null),
            state.readiness());
    return compose(inputs, previous);
  }

  private static IcvLength icv(Optional<SecureOverlaySpec> spec) {
    try {
      return spec.map(SecureOverlaySpec::getIcvBits)
          .map(IcvLength::fromBits)
          .orElse(IcvLength.ICV_64);
    } catch (IllegalArgumentException e) {
      // An invalid spec is the master's to refuse; the report falls back to the default.
      return IcvLength.ICV_64;
    }
  }

  /** Everything one status is made of. */
  public record Inputs(
      String nodeName,
      Optional<String> underlayIp,
      OptionalInt interfaceMtu,
      Optional<Integer> fixedTunnelMtu,
      IcvLength icv,
      Long observedPlanRevision,
      InstalledState installed,
      Map<String, Long> xfrmStat,
      String agentVersion,
      Instant heartbeat,
      String lastError,
      Readiness readiness) {}

  /** The node's Ready condition as the last pass left it. */
  public record Readiness(boolean ready, String reason, String message) {}

  public SecureOverlayNodeStatus compose(Inputs in, List<StatusCondition> previous) {
    SecureOverlayNodeStatus s = new SecureOverlayNodeStatus();
    s.setNodeName(in.nodeName());
    s.setUnderlayIp(in.underlayIp().orElse(null));
    if (in.interfaceMtu().isPresent()) {
      int ext = in.interfaceMtu().getAsInt();
      s.setInterfaceMtu(ext);
      s.setTunnelMtu(in.fixedTunnelMtu().orElseGet(() -> exactTunnelMtu(ext, in.icv())));
    } else {
      s.setTunnelMtu(in.fixedTunnelMtu().orElse(null));
    }
    s.setObservedPlanRevision(in.observedPlanRevision());
    InstalledState installed = in.installed();
    s.setInboundEpochs(new ArrayList<>(installed.inboundEpochs()));
    s.setOutboundEpoch(
        installed.outboundEpoch().isPresent() ? installed.outboundEpoch().getAsLong() : null);
    s.setEncryptingTo(installed.encryptingTo());
    s.setEnforcingFrom(installed.enforcingFrom());
    s.setEnforce(installed.enforce());
    s.setSoftExpiredEpochs(new ArrayList<>(installed.softExpiredEpochs()));
    s.setCounters(new ArrayList<>(installed.counters()));
    s.setXfrmStat(new LinkedHashMap<>(in.xfrmStat()));
    s.setAgentVersion(in.agentVersion());
    s.setHeartbeat(in.heartbeat());
    s.setLastError(in.lastError());
    Readiness r = in.readiness();
    StatusCondition ready =
        new StatusCondition(
            StatusCondition.READY,
            r.ready() ? ConditionStatus.TRUE : ConditionStatus.FALSE,
            r.reason(),
            r.message(),
            in.heartbeat(),
            null);
    s.setConditions(Conditions.put(previous, ready, in.heartbeat()));
    return s;
  }

  private Integer exactTunnelMtu(int extMtu, IcvLength icv) {
    try {
      return mtu.calculate(MtuRequest.ipv4(icv, extMtu)).exactTunnelMtu();
    } catch (InvalidMtuInputException e) {
      // An interface MTU outside what IPIP can carry: report the interface MTU alone.
      return null;
    }
  }
}
