package io.secureoverlay.agent.kube;

import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides when an agent writes its {@code SecureOverlayNode} status ({@code
 * docs/design/plan-protocol.md}, section 3), so that a transition costs each node about one write
 * per acknowledged step and nothing else:
 *
 * <ul>
 *   <li>at once, when the status acknowledges the revision the master waits for ({@code
 *       observedPlanRevision} reaches {@code ackRevision} for the first time), or when a field the
 *       master derives plan memberships from changed: {@code inboundEpochs}, {@code outboundEpoch},
 *       {@code enforce}, {@code softExpiredEpochs};
 *   <li>when only something people read changed (last error, readiness, addresses, peer sets): at
 *       most once per {@code minWriteInterval};
 *   <li>otherwise at the heartbeat; counters, xfrm statistics and a newer plan revision that needs
 *       no acknowledgement ride along with the next write.
 * </ul>
 *
 * After a failed write the next attempt waits for the retry interval; the status itself is not
 * lost, the next attempt sends the then current one.
 */
public final class StatusWritePolicy {

  /** What to do now. */
  public enum Decision {
    WRITE_NOW,
    WAIT
  }

  private final Duration minWriteInterval;
  private final Duration heartbeat;
  private final Duration retry;

  public StatusWritePolicy(Duration minWriteInterval, Duration heartbeat, Duration retry) {
    this.minWriteInterval = Objects.requireNonNull(minWriteInterval, "minWriteInterval");
    this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
    this.retry = Objects.requireNonNull(retry, "retry");
  }

  /**
   * @param candidate the status as it would be written now
   * @param written the status last written successfully, or {@code null} if none yet
   * @param writtenAt when {@code written} was written
   * @param failedAt when the last attempt failed, or {@code null} if it succeeded
   * @param ackRevision the revision the master waits for
   */
  public Decision decide(
      SecureOverlayNodeStatus candidate,
      SecureOverlayNodeStatus written,
      Instant writtenAt,
      Instant failedAt,
      long ackRevision,
      Instant now) {
    if (failedAt != null && now.isBefore(failedAt.plus(retry))) {
      return Decision.WAIT;
    }
    if (written == null) {
      return Decision.WRITE_NOW;
    }
    if (acknowledgesNewly(candidate, written, ackRevision)
        || !StatusSignificance.sameForMaster(candidate, written)) {
      return Decision.WRITE_NOW;
    }
    boolean significant = !StatusSignificance.sameForReaders(candidate, written);
    if (significant && !now.isBefore(writtenAt.plus(minWriteInterval))) {
      return Decision.WRITE_NOW;
    }
    return !now.isBefore(writtenAt.plus(heartbeat)) ? Decision.WRITE_NOW : Decision.WAIT;
  }

  private static boolean acknowledgesNewly(
      SecureOverlayNodeStatus candidate, SecureOverlayNodeStatus written, long ackRevision) {
    long now =
        candidate.getObservedPlanRevision() == null ? -1 : candidate.getObservedPlanRevision();
    long before =
        written.getObservedPlanRevision() == null ? -1 : written.getObservedPlanRevision();
    return now >= ackRevision && before < ackRevision;
  }
}
