package io.secureoverlay.ui.overview;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.mtu.EspMtuCalculator;
import io.secureoverlay.mtu.MtuRequest;
import io.secureoverlay.mtu.MtuResult;
import io.secureoverlay.mtu.UnderlayFamily;
import io.secureoverlay.protocol.Conditions;
import io.secureoverlay.protocol.SecureOverlayNode;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.protocol.SecureOverlaySpec;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.protocol.StatusCondition;
import io.secureoverlay.protocol.TransitionKind;
import io.secureoverlay.ui.cluster.ClusterSnapshot;
import io.secureoverlay.ui.cluster.PlanMembers;
import io.secureoverlay.ui.cluster.TimeText;
import io.secureoverlay.ui.cluster.TransitionPhases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Works out, from one snapshot, what enabling or disabling encryption would do: the steps, the
 * nodes taking part, the nodes whose pods may lose traffic, and whether the tunnel MTU fits. Reads
 * only; the confirmation dialog shows the result before the operator confirms.
 */
@Component
public class TransitionImpactCalculator {

  /**
   * A heartbeat older than this is stale: agents write one at least every 30 s, so three missed
   * heartbeats mean the agent is not running or cannot reach the API server.
   */
  public static final Duration STALE_HEARTBEAT = Duration.ofSeconds(90);

  private final EspMtuCalculator mtuCalculator;

  public TransitionImpactCalculator(EspMtuCalculator mtuCalculator) {
    this.mtuCalculator = mtuCalculator;
  }

  public TransitionImpact impactOf(TransitionKind kind, ClusterSnapshot snapshot) {
    List<String> participating = PlanMembers.participating(snapshot);
    return new TransitionImpact(
        kind,
        TransitionPhases.of(kind),
        participating.size(),
        concerns(snapshot, participating),
        mtuFit(snapshot));
  }

  private static List<NodeConcern> concerns(ClusterSnapshot snapshot, List<String> participating) {
    Set<String> lagging =
        Set.copyOf(
            snapshot
                .status()
                .map(SecureOverlayStatus::getLagging)
                .map(PlanMembers::nonNull)
                .orElse(List.of()));
    Set<String> names = new TreeSet<>(participating);
    List<NodeConcern> concerns = new ArrayList<>();
    for (String name : names) {
      List<String> problems = new ArrayList<>();
      if (lagging.contains(name)) {
        problems.add("lagging: it did not acknowledge the plan within the ack timeout");
      }
      Optional<SecureOverlayNodeStatus> report =
          snapshot.node(name).map(SecureOverlayNode::getStatus);
      if (report.isEmpty()) {
        problems.add("no agent report: its agent may not be running");
      } else {
        problems.addAll(reportProblems(report.get(), snapshot.takenAt()));
      }
      if (!problems.isEmpty()) {
        concerns.add(new NodeConcern(name, problems));
      }
    }
    return concerns;
  }

  private static List<String> reportProblems(SecureOverlayNodeStatus report, Instant now) {
    List<String> problems = new ArrayList<>();
    Optional<StatusCondition> ready =
        Conditions.find(report.getConditions(), StatusCondition.READY);
    if (ready.isEmpty()) {
      problems.add("no Ready condition reported");
    } else if (!ready.get().isTrue()) {
      StatusCondition c = ready.get();
      problems.add(
          "Ready is "
              + (c.status() == null ? "Unknown" : label(c.status().name()))
              + (c.reason() == null ? "" : " (" + c.reason() + ")")
              + (c.message() == null || c.message().isBlank() ? "" : ": " + c.message()));
    }
    Instant heartbeat = report.getHeartbeat();
    if (heartbeat == null) {
      problems.add("no heartbeat reported");
    } else if (Duration.between(heartbeat, now).compareTo(STALE_HEARTBEAT) > 0) {
      problems.add(
          "stale heartbeat: last one "
              + TimeText.describe(heartbeat, now)
              + " ("
              + TimeText.absolute(heartbeat)
              + ")");
    }
    if (report.getLastError() != null && !report.getLastError().isBlank()) {
      problems.add("last error: " + report.getLastError());
    }
    return problems;
  }

  private MtuFit mtuFit(ClusterSnapshot snapshot) {
    List<SecureOverlayNodeStatus> reports =
        snapshot.nodes().stream()
            .map(SecureOverlayNode::getStatus)
            .filter(Objects::nonNull)
            .toList();
    OptionalInt underlay =
        reports.stream()
            .map(SecureOverlayNodeStatus::getInterfaceMtu)
            .filter(Objects::nonNull)
            .mapToInt(Integer::intValue)
            .min();
    // The largest tunnel MTU in use: its full-size packets are the ones that would not fit.
    OptionalInt tunnel =
        reports.stream()
            .map(SecureOverlayNodeStatus::getTunnelMtu)
            .filter(Objects::nonNull)
            .mapToInt(Integer::intValue)
            .max();
    if (underlay.isEmpty() || tunnel.isEmpty()) {
      return new MtuFit(
          MtuFit.State.UNKNOWN,
          "Unknown: no agent has reported its underlay and tunnel MTU yet, so the console cannot"
              + " tell whether full-size packets fit after ESP.");
    }
    SecureOverlaySpec spec = snapshot.spec().orElseGet(SecureOverlaySpec::new);
    UnderlayFamily family =
        reports.stream()
                .map(SecureOverlayNodeStatus::getUnderlayIp)
                .anyMatch(ip -> ip != null && ip.contains(":"))
            ? UnderlayFamily.IPV6
            : UnderlayFamily.IPV4;
    MtuResult result;
    IcvLength icv;
    try {
      icv =
          IcvLength.fromBits(
              Objects.requireNonNullElse(spec.getIcvBits(), SecureOverlaySpec.DEFAULT_ICV_BITS));
      Cipher cipher =
          Cipher.fromId(
              Objects.requireNonNullElse(spec.getCipher(), SecureOverlaySpec.DEFAULT_CIPHER));
      result =
          mtuCalculator.calculate(
              new MtuRequest(List.of(underlay.getAsInt()), family, icv, cipher));
    } catch (IllegalArgumentException e) {
      return new MtuFit(MtuFit.State.UNKNOWN, "Unknown: " + e.getMessage() + ".");
    }
    int limit = result.exactTunnelMtu();
    int inUse = tunnel.getAsInt();
    String basis =
        "the limit for underlay MTU "
            + underlay.getAsInt()
            + " with a "
            + icv.bits()
            + "-bit ICV is "
            + limit;
    if (inUse > limit) {
      String sizes =
          inUse == limit + 1 ? (limit + 1) + " bytes" : (limit + 1) + "\u2013" + inUse + " bytes";
      return new MtuFit(
          MtuFit.State.FRAGMENTS,
          "Tunnel MTU "
              + inUse
              + " is too big: "
              + basis
              + ". Inner packets of "
              + sizes
              + " will be fragmented after ESP, or dropped where the don't-fragment bit is set"
              + " (TCP path-MTU discovery sets it). Set the tunnel MTU to "
              + limit
              + " first (see the MTU calculator).");
    }
    return new MtuFit(MtuFit.State.FITS, "Tunnel MTU " + inUse + " fits: " + basis + ".");
  }

  private static String label(String enumName) {
    return enumName.charAt(0) + enumName.substring(1).toLowerCase(Locale.ROOT);
  }
}
