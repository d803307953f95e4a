package io.secureoverlay.agent.kube;

import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.protocol.StatusCondition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent's status writes: asks {@link StatusWritePolicy} whether a candidate status is worth a
 * write, writes it through the gateway, and remembers what was written. A failed write is retried
 * later with the then current status; failures are logged once per streak. Not thread-safe: the
 * agent calls it from its serialized passes.
 */
final class StatusPublisher {

  private static final Logger LOG = LoggerFactory.getLogger(StatusPublisher.class);

  private final String nodeName;
  private final NodeStatusGateway gateway;
  private final StatusWritePolicy policy;
  private final Duration minWriteInterval;
  private final Duration heartbeat;
  private final Duration retry;
  private final Clock clock;
  private final AtomicLong writes = new AtomicLong();

  private SecureOverlayNodeStatus written;
  private Instant writtenAt;
  private Instant failedAt;
  private boolean pendingSignificant;

  StatusPublisher(
      String nodeName,
      NodeStatusGateway gateway,
      Duration minWriteInterval,
      Duration heartbeat,
      Duration retry,
      Clock clock) {
    this.nodeName = nodeName;
    this.gateway = gateway;
    this.minWriteInterval = minWriteInterval;
    this.heartbeat = heartbeat;
    this.retry = retry;
    this.policy = new StatusWritePolicy(minWriteInterval, heartbeat, retry);
    this.clock = clock;
  }

  /** Conditions last written, so a condition's transition time survives rewrites. */
  List<StatusCondition> previousConditions() {
    return written == null ? List.of() : written.getConditions();
  }

  /** True if a write may be due by time alone, so the caller should build a candidate. */
  boolean mayBeDue() {
    Instant now = clock.instant();
    if (failedAt != null) {
      return !now.isBefore(failedAt.plus(retry));
    }
    if (written == null) {
      return true;
    }
    Duration wait = pendingSignificant ? minWriteInterval : heartbeat;
    return !now.isBefore(writtenAt.plus(wait));
  }

  /** Writes {@code candidate} if the policy says so; returns whether it was written. */
  boolean offer(SecureOverlayNodeStatus candidate, long ackRevision) {
    Instant now = clock.instant();
    StatusWritePolicy.Decision decision =
        policy.decide(candidate, written, writtenAt, failedAt, ackRevision, now);
    if (decision == StatusWritePolicy.Decision.WAIT) {
      pendingSignificant =
          written != null && !StatusSignificance.sameForReaders(candidate, written);
      return false;
    }
    try {
      gateway.write(nodeName, candidate);
      writes.incrementAndGet();
      if (failedAt != null) {
        LOG.info("event=status_write_recovered node={}", nodeName);
      }
      written = candidate;
      writtenAt = now;
      failedAt = null;
      pendingSignificant = false;
      return true;
    } catch (StatusWriteException e) {
      if (failedAt == null) {
        LOG.warn("event=status_write_failed node={} error=\"{}\"", nodeName, e.getMessage());
      }
      failedAt = now;
      return false;
    }
  }

  /** The observedPlanRevision last written, or -1. */
  long writtenObserved() {
    return written == null || written.getObservedPlanRevision() == null
        ? -1
        : written.getObservedPlanRevision();
  }

  /** The status last written successfully, or null. */
  SecureOverlayNodeStatus written() {
    return written;
  }

  long writes() {
    return writes.get();
  }
}
