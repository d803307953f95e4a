package io.secureoverlay.agent.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the simulation moves by hand. */
final class SimClock extends Clock {

  private Instant now = Instant.parse("2026-03-01T00:00:00Z");

  void advance(Duration d) {
    now = now.plus(d);
  }

  void advanceTo(Instant t) {
    if (t.isAfter(now)) {
      now = t;
    }
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
