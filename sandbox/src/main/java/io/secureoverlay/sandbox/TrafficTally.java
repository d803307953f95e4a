package io.secureoverlay.sandbox;

import io.secureoverlay.agent.dataplane.Delivery;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Mutable counters of one period of simulated traffic; the driver's thread owns it. */
final class TrafficTally {

  private static final int SAMPLE_LIMIT = 20;

  long sent;
  long plaintext;
  long encrypted;
  long lost;
  final Map<String, Long> drops = new TreeMap<>();
  final List<TrafficStats.Loss> samples = new ArrayList<>();

  void add(Delivery d, InetAddress from, InetAddress to, Instant at) {
    sent++;
    switch (d.outcome()) {
      case PLAINTEXT -> plaintext++;
      case ENCRYPTED -> encrypted++;
      case DROPPED -> {
        lost++;
        drops.merge(d.dropReason(), 1L, Long::sum);
        if (samples.size() < SAMPLE_LIMIT) {
          samples.add(
              new TrafficStats.Loss(
                  at, from.getHostAddress(), to.getHostAddress(), d.dropReason()));
        }
      }
    }
  }

  TrafficStats toStats() {
    return new TrafficStats(sent, plaintext, encrypted, lost, drops, samples);
  }

  void addAll(TrafficTally other) {
    sent += other.sent;
    plaintext += other.plaintext;
    encrypted += other.encrypted;
    lost += other.lost;
    other.drops.forEach((k, v) -> drops.merge(k, v, Long::sum));
    for (TrafficStats.Loss l : other.samples) {
      if (samples.size() < SAMPLE_LIMIT) {
        samples.add(l);
      }
    }
  }
}
