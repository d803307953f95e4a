package io.secureoverlay.ui.keys;

import io.secureoverlay.protocol.EpochStatus;
import io.secureoverlay.protocol.SecureOverlaySpec;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.protocol.Transition;
import io.secureoverlay.ui.cluster.ClusterSnapshot;
import io.secureoverlay.ui.cluster.PlanMembers;
import io.secureoverlay.ui.cluster.TransitionPhases;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What "Rotate now" would do on the cluster as it is, in the words the confirmation shows, or why
 * it cannot be asked for right now.
 *
 * @param refusal why a rotation cannot be requested now; empty when it can
 * @param fromEpoch the epoch senders use now, or {@code null}
 * @param toEpoch the number the new epoch will get
 * @param nodes nodes in the plan
 * @param lagging nodes the master reports lagging, by name
 * @param retireGracePeriod {@code spec.retireGracePeriod} as written
 * @param ackTimeout {@code spec.ackTimeout} as written
 */
public record RotationPreview(
    Optional<String> refusal,
    Long fromEpoch,
    long toEpoch,
    int nodes,
    List<String> lagging,
    String retireGracePeriod,
    String ackTimeout) {

  /** Lagging nodes named in the dialog; the rest are counted. */
  static final int SHOWN = 10;

  public RotationPreview {
    lagging = List.copyOf(lagging);
  }

  public static RotationPreview of(ClusterSnapshot snapshot) {
    SecureOverlaySpec spec = snapshot.spec().orElseGet(SecureOverlaySpec::new);
    SecureOverlayStatus status = snapshot.status().orElseGet(SecureOverlayStatus::new);
    Long from = status.getOutboundEpoch();
    long last =
        status.getLastEpoch() != null
            ? status.getLastEpoch()
            : status.getEpochs() == null
                ? 0
                : status.getEpochs().stream().mapToLong(EpochStatus::number).max().orElse(0);
    int nodes = PlanMembers.listed(status).size();
    List<String> lagging = status.getLagging() == null ? List.of() : status.getLagging();
    return new RotationPreview(
        refusal(snapshot, spec, status),
        from,
        last + 1,
        nodes,
        lagging,
        spec.getRetireGracePeriod(),
        spec.getAckTimeout());
  }

  private static Optional<String> refusal(
      ClusterSnapshot snapshot, SecureOverlaySpec spec, SecureOverlayStatus status) {
    if (snapshot.overlay().isEmpty()) {
      return Optional.of(
          "SecureOverlay is not installed on this cluster: there is nothing to rotate.");
    }
    if (!snapshot.connected()) {
      return Optional.of(
          "The console cannot reach the API server right now; what you see may be out of date.");
    }
    Transition t = status.getTransition();
    if (t != null) {
      return Optional.of(
          "A "
              + String.valueOf(t.kind()).toLowerCase(Locale.ROOT)
              + " transition is under way (step \u201c"
              + TransitionPhases.label(t.kind(), t.step())
              + "\u201d): wait until it has finished.");
    }
    if (!Boolean.TRUE.equals(spec.getEnabled()) || status.getOutboundEpoch() == null) {
      return Optional.of("Encryption is off: there is no key to rotate. Enable encryption first.");
    }
    String token = spec.getRotateNowToken();
    if (token != null && !Objects.equals(token, status.getHandledRotateNowToken())) {
      return Optional.of("A rotation has been requested and the master has not started it yet.");
    }
    return Optional.empty();
  }

  /** The steps, as the confirmation dialog lists them. */
  public List<String> steps() {
    String k = fromEpoch == null ? "the current epoch" : "epoch " + fromEpoch;
    return List.of(
        "A new key, epoch "
            + toEpoch
            + ", is created. Every one of the "
            + nodes
            + " nodes installs inbound SAs for it, while still sending with "
            + k
            + ".",
        "Once all "
            + nodes
            + " nodes have acknowledged, every node switches its outbound traffic to epoch "
            + toEpoch
            + ".",
        "After the grace period (spec.retireGracePeriod = "
            + retireGracePeriod
            + "), "
            + k
            + " is retired: its SAs are deleted on every node and its secret dropped.");
  }

  private static String named(List<String> names) {
    if (names.size() <= SHOWN) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, SHOWN)) + " and " + (names.size() - SHOWN) + " more";
  }

  /** What the lagging nodes mean for this rotation. */
  public String laggingText() {
    if (lagging.isEmpty()) {
      return "No node is lagging: every node acknowledged the current plan.";
    }
    return "Lagging now ("
        + lagging.size()
        + "): "
        + named(lagging)
        + ". The master waits for every node at each step, so these may hold the rotation up"
        + " (spec.ackTimeout = "
        + ackTimeout
        + ").";
  }
}
