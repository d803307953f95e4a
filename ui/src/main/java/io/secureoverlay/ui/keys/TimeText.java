package io.secureoverlay.ui.keys;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as the keys view shows them: relative to now for reading at a glance ("12 s ago", "in 3
 * min"), absolute in UTC for the record (tooltips, history), and durations in the unit that fits.
 */
public final class TimeText {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private TimeText() {}

  public static String utc(Instant at) {
    return UTC.format(at);
  }

  /** "12 s ago" or "in 3 min"; "now" within a second. */
  public static String relative(Instant at, Instant now) {
    Duration d = Duration.between(at, now);
    boolean future = d.isNegative();
    long s = d.abs().getSeconds();
    if (s < 1) {
      return "now";
    }
    String amount;
    if (s < 60) {
      amount = s + " s";
    } else if (s < 3600) {
      amount = s / 60 + " min";
    } else if (s < 48 * 3600) {
      amount = s / 3600 + " h";
    } else {
      amount = s / 86_400 + " d";
    }
    return future ? "in " + amount : amount + " ago";
  }

  /** "850 ms", "18.4 s", "2 min 05 s" or "3 h 20 min". */
  public static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    long s = d.getSeconds();
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }
}
