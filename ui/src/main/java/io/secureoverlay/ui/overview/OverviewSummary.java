package io.secureoverlay.ui.overview;

import static io.secureoverlay.ui.cluster.PlanMembers.nonNull;

import io.secureoverlay.protocol.Conditions;
import io.secureoverlay.protocol.EpochStatus;
import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.NodeSet;
import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.protocol.StatusCondition;
import io.secureoverlay.ui.cluster.ClusterSnapshot;
import io.secureoverlay.ui.cluster.PlanMembers;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The overview's headline figures, taken from one snapshot: what an operator checks first.
 *
 * @param phase the master's phase
 * @param currentEpoch the epoch senders use, absent when nobody encrypts
 * @param encrypting nodes acknowledged as encrypting (in any live epoch's encrypting set)
 * @param total every node the console knows of: in the plan's node table or reporting
 * @param lagging nodes the master marked as not acknowledging in time
 * @param excluded nodes left out of the plan
 * @param nextRotation when the next scheduled rotation is due, absent when none is
 * @param conditions Ready, Progressing and Degraded, in that order, those the master wrote
 */
public record OverviewSummary(
    OverlayPhase phase,
    Optional<EpochStatus> currentEpoch,
    int encrypting,
    int total,
    List<String> lagging,
    List<String> excluded,
    Optional<Instant> nextRotation,
    List<StatusCondition> conditions) {

  /** How many fingerprint digits the headline shows; the tooltip has all of them. */
  public static final int FINGERPRINT_SHOWN = 8;

  private static final List<String> CONDITION_ORDER =
      List.of(StatusCondition.READY, StatusCondition.PROGRESSING, StatusCondition.DEGRADED);

  public OverviewSummary {
    lagging = List.copyOf(lagging);
    excluded = List.copyOf(excluded);
    conditions = List.copyOf(conditions);
  }

  public static OverviewSummary of(ClusterSnapshot snapshot) {
    SecureOverlayStatus status = snapshot.status().orElseGet(SecureOverlayStatus::new);
    List<EpochStatus> epochs = nonNull(status.getEpochs());
    Optional<EpochStatus> current =
        Optional.ofNullable(status.getOutboundEpoch())
            .flatMap(n -> epochs.stream().filter(e -> e.number() == n).findFirst());
    NodeSet encryptingIndices =
        epochs.stream().map(EpochStatus::encryptingOrEmpty).reduce(NodeSet.empty(), NodeSet::union);
    List<IndexedNode> rows = PlanMembers.listed(status);
    int encrypting = (int) rows.stream().filter(r -> encryptingIndices.contains(r.index())).count();
    Set<String> known = new TreeSet<>();
    rows.forEach(r -> known.add(r.name()));
    snapshot.nodes().forEach(n -> known.add(n.getMetadata().getName()));
    List<StatusCondition> conditions =
        CONDITION_ORDER.stream()
            .flatMap(type -> Conditions.find(status.getConditions(), type).stream())
            .toList();
    return new OverviewSummary(
        snapshot.phase(),
        current,
        encrypting,
        known.size(),
        nonNull(status.getLagging()),
        nonNull(status.getExcluded()),
        Optional.ofNullable(status.getNextRotationAt()),
        conditions);
  }

  /** The phase as the master spells it: Disabled, Enabling, Enabled, Rotating, ... */
  public static String phaseName(OverlayPhase phase) {
    String lower = phase.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  /** "Epoch 3 · fp 1a2b3c4d…", or "—" when nobody encrypts. */
  public String currentEpochText() {
    return currentEpoch
        .map(e -> "Epoch " + e.number() + " \u00b7 fp " + shortFingerprint(e.fingerprint()))
        .orElse("\u2014");
  }

  static String shortFingerprint(String fingerprint) {
    if (fingerprint == null || fingerprint.isEmpty()) {
      return "unknown";
    }
    return fingerprint.length() <= FINGERPRINT_SHOWN
        ? fingerprint
        : fingerprint.substring(0, FINGERPRINT_SHOWN) + "\u2026";
  }
}
