package io.secureoverlay.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock plus an offset the sandbox can move forward: waiting out a retire grace period
 * (at least 10 s by the spec's rules) need not cost a test or a demo that long. Time never goes
 * back.
 */
public final class SandboxClock extends Clock {

  private final Clock base;
  private final AtomicReference<Duration> offset;

  public SandboxClock() {
    this(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO));
  }

  private SandboxClock(Clock base, AtomicReference<Duration> offset) {
    this.base = base;
    this.offset = offset;
  }

  /** Moves every reading of this clock {@code by} further ahead. */
  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward, not by " + by);
    }
    offset.updateAndGet(o -> o.plus(by));
  }

  public Duration offset() {
    return offset.get();
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
