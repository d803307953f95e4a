package io.secureoverlay.ui.keys;

import io.secureoverlay.protocol.EpochState;
import io.secureoverlay.protocol.EpochStatus;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.ui.cluster.PlanMembers;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of the epochs grid: what the plan says of one epoch, with node counts over the nodes in
 * the plan. Fingerprint only: the key itself never leaves the keys Secret.
 *
 * @param createdAt when the master created it, or {@code null} if the plan does not say
 * @param inboundReady nodes accepting it inbound
 * @param encrypting nodes acknowledged as sending with it
 * @param planNodes nodes in the plan (every listed row of the node table)
 * @param current whether senders use it now ({@code status.outboundEpoch})
 */
public record EpochRow(
    long number,
    EpochState state,
    Instant createdAt,
    String fingerprint,
    int inboundReady,
    int encrypting,
    int planNodes,
    boolean current) {

  /** The plan's epochs, oldest first, as the master lists them. */
  public static List<EpochRow> of(SecureOverlayStatus status) {
    if (status == null || status.getEpochs() == null) {
      return List.of();
    }
    int planNodes = PlanMembers.listed(status).size();
    Long outbound = status.getOutboundEpoch();
    return status.getEpochs().stream()
        .filter(Objects::nonNull)
        .map(e -> of(e, planNodes, outbound != null && outbound == e.number()))
        .toList();
  }

  /** The state as the plan spells it, e.g. {@code InboundReady}. */
  public String stateLabel() {
    if (state == null) {
      return "unknown";
    }
    return switch (state) {
      case PENDING -> "Pending";
      case INBOUND_READY -> "InboundReady";
      case ACTIVE -> "Active";
      case RETIRING -> "Retiring";
    };
  }

  public String inboundReadyText() {
    return inboundReady + "/" + planNodes;
  }

  public String encryptingText() {
    return encrypting + "/" + planNodes;
  }

  private static EpochRow of(EpochStatus e, int planNodes, boolean current) {
    return new EpochRow(
        e.number(),
        e.state(),
        e.createdAt(),
        e.fingerprint(),
        e.readyOrEmpty().size(),
        e.encryptingOrEmpty().size(),
        planNodes,
        current);
  }
}
