package io.secureoverlay.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Simulated pod-to-pod packets between sandbox nodes and what became of them. Every loss is a pair
 * that was one-sided at that moment: the sender used a key the receiver did not hold, or sent
 * plaintext to a receiver that refused it.
 *
 * @param dropsByReason losses by the {@code xfrm_stat} counter the kernel would have raised
 * @param firstLosses the first few losses, for a test failure message
 */
public record TrafficStats(
    long sent,
    long plaintext,
    long encrypted,
    long lost,
    Map<String, Long> dropsByReason,
    List<Loss> firstLosses) {

  /** One lost packet. */
  public record Loss(Instant at, String from, String to, String reason) {}

  public TrafficStats {
    dropsByReason = Map.copyOf(dropsByReason);
    firstLosses = List.copyOf(firstLosses);
  }

  public static TrafficStats empty() {
    return new TrafficStats(0, 0, 0, 0, Map.of(), List.of());
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
        + (dropsByReason.isEmpty() ? "" : " drops=" + dropsByReason + " first=" + firstLosses);
  }
}
