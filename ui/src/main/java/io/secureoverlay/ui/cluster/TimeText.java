package io.secureoverlay.ui.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as an operator reads them: relative ("12 s ago", "in 23 h 59 min") on screen, absolute UTC
 * in a tooltip, so nobody has to convert time zones to know how old a report is.
 */
public final class TimeText {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private TimeText() {}

  /** "12 s ago", "3 min ago", "in 2 h 5 min", "just now". */
  public static String describe(Instant at, Instant now) {
    Duration between = Duration.between(now, at);
    if (between.abs().compareTo(Duration.ofSeconds(1)) < 0) {
      return "just now";
    }
    String span = span(between.abs());
    return between.isNegative() ? span + " ago" : "in " + span;
  }

  /** The absolute time, e.g. {@code 2026-11-26 08:01:14 UTC}. */
  /**
   * How long ago {@code then} was; a time ahead of {@code now} (a node whose clock runs ahead)
   * reads "just now" rather than "in 3 s".
   */
  public static String ago(Instant then, Instant now) {
    return then.isAfter(now) ? "just now" : describe(then, now);
  }

  public static String absolute(Instant at) {
    return UTC.format(at);
  }

  /**
   * A duration in the largest two units that matter: "42 s", "3 min 5 s", "2 h 5 min", "3 d 4 h".
   */
  public static String span(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 60) {
      return seconds + " s";
    }
    long minutes = seconds / 60;
    if (minutes < 60) {
      return minutes + " min" + unit(seconds % 60, "s");
    }
    long hours = minutes / 60;
    if (hours < 24) {
      return hours + " h" + unit(minutes % 60, "min");
    }
    return hours / 24 + " d" + unit(hours % 24, "h");
  }

  /** A short duration with a tenth of a second: "2.3 s"; longer ones as {@link #span}. */
  public static String precise(Duration duration) {
    if (duration.compareTo(Duration.ofSeconds(60)) >= 0) {
      return span(duration);
    }
    long tenths = Math.max(0, Math.round(duration.toMillis() / 100.0));
    return tenths / 10 + "." + tenths % 10 + " s";
  }

  private static String unit(long value, String unit) {
    return value == 0 ? "" : " " + value + " " + unit;
  }
}
