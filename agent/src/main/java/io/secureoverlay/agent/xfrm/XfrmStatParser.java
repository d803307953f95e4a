package io.secureoverlay.agent.xfrm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code /proc/net/xfrm_stat}: one {@code Name <whitespace> value} per line. A line that
 * does not have that shape is an error naming its number, never skipped silently.
 */
public final class XfrmStatParser {

  private XfrmStatParser() {}

  public static XfrmStatCounters parse(String text) {
    Map<String, Long> counters = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length != 2 || !parts[0].matches("[A-Za-z][A-Za-z0-9]*")) {
        throw new IllegalArgumentException(
            "xfrm_stat line " + (i + 1) + " is not 'Name value': '" + line + "'");
      }
      long value;
      try {
        value = Long.parseUnsignedLong(parts[1]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "xfrm_stat line "
                + (i + 1)
                + ": counter "
                + parts[0]
                + " has no number: '"
                + parts[1]
                + "'");
      }
      if (counters.put(parts[0], value) != null) {
        throw new IllegalArgumentException(
            "xfrm_stat line " + (i + 1) + ": counter " + parts[0] + " appears twice");
      }
    }
    if (counters.isEmpty()) {
      throw new IllegalArgumentException("xfrm_stat is empty");
    }
    return new XfrmStatCounters(counters);
  }
}
