package io.secureoverlay.protocol;

import java.time.Duration;

/**
 * Durations as operators write them in the spec: whole numbers of hours, minutes and seconds, in
 * that order, each at most once, e.g. {@code 24h}, {@code 90m}, {@code 1h30m}, {@code 45s}. No
 * sign, no fractions, no spaces, no days (a day is not always 24 hours to everyone reading it).
 *
 * <p>Errors are {@link IllegalArgumentException}s whose message says what is wrong, without the
 * field name: the caller adds that.
 */
public final class DurationParser {

  /** Generous for any interval, short enough that nothing overflows. */
  static final int MAX_LENGTH = 32;

  private static final String EXPECTED =
      "expected whole numbers followed by h, m or s, e.g. 24h, 90m or 1h30m";
  private static final String UNITS = "hms";

  private DurationParser() {}

  public static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("missing: " + EXPECTED);
    }
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("longer than " + MAX_LENGTH + " characters");
    }
    if (text.charAt(0) == '-') {
      throw new IllegalArgumentException("'" + text + "' is negative: durations must be positive");
    }
    if (text.indexOf('.') >= 0) {
      throw new IllegalArgumentException(
          "'" + text + "' has a fraction: write whole units, e.g. 1h30m rather than 1.5h");
    }
    Duration total = Duration.ZERO;
    int pos = 0;
    int nextUnit = 0;
    while (pos < text.length()) {
      int start = pos;
      while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
        pos++;
      }
      if (pos == start || pos == text.length()) {
        throw new IllegalArgumentException("'" + text + "' is not a duration: " + EXPECTED);
      }
      int unit = UNITS.indexOf(text.charAt(pos));
      if (unit < 0) {
        throw new IllegalArgumentException(
            "'" + text + "' has unknown unit '" + text.charAt(pos) + "': " + EXPECTED);
      }
      if (unit < nextUnit) {
        throw new IllegalArgumentException(
            "'" + text + "' repeats or reorders units: write them once each, in the order h, m, s");
      }
      total = total.plus(amount(text, text.substring(start, pos), unit));
      nextUnit = unit + 1;
      pos++;
    }
    return total;
  }

  /** The canonical spelling of a non-negative duration, e.g. {@code 1h30m}; zero is {@code 0s}. */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("negative duration " + duration);
    }
    if (duration.getNano() != 0) {
      throw new IllegalArgumentException("duration " + duration + " has a fraction of a second");
    }
    if (duration.isZero()) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    append(out, duration.toHours(), 'h');
    append(out, duration.toMinutesPart(), 'm');
    append(out, duration.toSecondsPart(), 's');
    return out.toString();
  }

  private static void append(StringBuilder out, long value, char unit) {
    if (value > 0) {
      out.append(value).append(unit);
    }
  }

  private static Duration amount(String text, String digits, int unit) {
    // Up to 10 digits of hours still fits a Duration's seconds; more is a typo, not an interval.
    if (digits.length() > 10) {
      throw new IllegalArgumentException("'" + text + "' is too large");
    }
    long value = Long.parseLong(digits);
    return switch (UNITS.charAt(unit)) {
      case 'h' -> Duration.ofHours(value);
      case 'm' -> Duration.ofMinutes(value);
      default -> Duration.ofSeconds(value);
    };
  }
}
