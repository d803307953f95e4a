package io.secureoverlay.ui.nodes;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as operators read them: "12 s ago", with the exact UTC time for a tooltip. */
public final class RelativeTime {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private RelativeTime() {}

  /**
   * "just now", "12 s ago", "4 min ago", "3 h ago", "2 d ago". A time ahead of {@code now} (the
   * writer's clock runs ahead) reads "just now".
   */
  public static String ago(Instant then, Instant now) {
    long seconds = Duration.between(then, now).toSeconds();
    if (seconds < 1) {
      return "just now";
    }
    if (seconds < 120) {
      return seconds + " s ago";
    }
    if (seconds < 2 * 3600) {
      return seconds / 60 + " min ago";
    }
    if (seconds < 2 * 86_400) {
      return seconds / 3600 + " h ago";
    }
    return seconds / 86_400 + " d ago";
  }

  /** "2026-11-26 08:01:24 UTC". */
  public static String utc(Instant at) {
    return UTC.format(at);
  }
}
