package io.secureoverlay.agent.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns the kernel's XFRM error counters ({@code /proc/net/xfrm_stat}) into news: which counters
 * rose since the last look. Every counter there counts a dropped packet (no state, wrong key,
 * template mismatch, replay...), so a rise is what an operator must hear about, e.g. after a peer
 * was given a wrong key. The first look reports whatever is already non-zero.
 */
public final class XfrmErrorWatch {

  private Map<String, Long> last = Map.of();

  /** The counters that rose, with how much, in name order; empty when nothing rose. */
  public synchronized Map<String, Long> rises(Map<String, Long> current) {
    Map<String, Long> rises = new TreeMap<>();
    current.forEach(
        (name, value) -> {
          long before = last.getOrDefault(name, 0L);
          if (value > before) {
            rises.put(name, value - before);
          }
        });
    last = new LinkedHashMap<>(current);
    return rises;
  }

  /** One log-friendly line, e.g. {@code XfrmInStateProtoError=+12(total 40)}, or empty. */
  public Optional<String> describeRises(Map<String, Long> current) {
    Map<String, Long> rises = rises(current);
    if (rises.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder line = new StringBuilder();
    rises.forEach(
        (name, rise) -> {
          if (line.length() > 0) {
            line.append(' ');
          }
          line.append(name)
              .append("=+")
              .append(rise)
              .append("(total ")
              .append(current.get(name))
              .append(')');
        });
    return Optional.of(line.toString());
  }
}
