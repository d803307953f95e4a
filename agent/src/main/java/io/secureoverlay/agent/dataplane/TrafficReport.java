package io.secureoverlay.agent.dataplane;

import java.util.Map;
import java.util.TreeMap;

/**
 * Packets sent through a {@link SimulatedNetwork} and what became of them. {@code lost} counts
 * every drop; {@code dropsByReason} names the kernel counter each drop raised.
 */
public record TrafficReport(
    long sent, long plaintext, long encrypted, long lost, Map<String, Long> dropsByReason) {

  public TrafficReport {
    dropsByReason = Map.copyOf(dropsByReason);
  }

  public static TrafficReport of(Iterable<Delivery> deliveries) {
    long sent = 0;
    long plain = 0;
    long esp = 0;
    long lost = 0;
    Map<String, Long> reasons = new TreeMap<>();
    for (Delivery d : deliveries) {
      sent++;
      switch (d.outcome()) {
        case PLAINTEXT -> plain++;
        case ENCRYPTED -> esp++;
        case DROPPED -> {
          lost++;
          reasons.merge(d.dropReason(), 1L, Long::sum);
        }
      }
    }
    return new TrafficReport(sent, plain, esp, lost, reasons);
  }

  public TrafficReport plus(TrafficReport other) {
    Map<String, Long> reasons = new TreeMap<>(dropsByReason);
    other.dropsByReason.forEach((k, v) -> reasons.merge(k, v, Long::sum));
    return new TrafficReport(
        sent + other.sent,
        plaintext + other.plaintext,
        encrypted + other.encrypted,
        lost + other.lost,
        reasons);
  }

  public static TrafficReport empty() {
    return new TrafficReport(0, 0, 0, 0, Map.of());
  }

  @Override
  public String toString() {
    return "sent="
        + sent
        + " plaintext="
        + plaintext
        + " encrypted="
        + encrypted
        + " lost="
        + lost
        + (dropsByReason.isEmpty() ? "" : " drops=" + new TreeMap<>(dropsByReason));
  }
}
