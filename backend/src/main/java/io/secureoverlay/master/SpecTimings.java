package io.secureoverlay.master;

import io.secureoverlay.protocol.DurationParser;
import io.secureoverlay.protocol.SecureOverlaySpec;
import java.time.Duration;

/**
 * The spec's durations, parsed; only built from a spec {@link
 * io.secureoverlay.protocol.SpecValidator} accepted.
 *
 * @param excludeAfter how long a node may stay behind before it no longer holds the cluster back
 */
record SpecTimings(
    Duration ackTimeout, Duration excludeAfter, Duration retireGrace, Duration rotationInterval) {

  /** A node behind for this many ack timeouts is excluded from the barriers. */
  static final int EXCLUDE_AFTER_TIMEOUTS = 3;

  static SpecTimings of(SecureOverlaySpec spec) {
    Duration ack = DurationParser.parse(spec.getAckTimeout());
    return new SpecTimings(
        ack,
        ack.multipliedBy(EXCLUDE_AFTER_TIMEOUTS),
        DurationParser.parse(spec.getRetireGracePeriod()),
        DurationParser.parse(spec.getRotationInterval()));
  }
}
