package io.secureoverlay.sandbox;

import io.secureoverlay.agent.dataplane.Delivery;
import io.secureoverlay.agent.dataplane.SimulatedNetwork;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continuous pod-to-pod traffic on a {@link SimulatedNetwork}: one thread sends one packet per
 * ordered pair of the current members, round after round. Above {@code pairsPerRound} pairs a round
 * covers the next slice of the pair list, so every pair still gets a packet every few rounds
 * whatever the cluster size. Counts per interval ({@link #takeInterval()}) and in total.
 */
public final class TrafficDriver implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TrafficDriver.class);
  private static final int PACKET_BYTES = 1400;

  private final SimulatedNetwork network;
  private final Supplier<List<InetAddress>> members;
  private final int pairsPerRound;
  private final Duration pause;
  private final int restFactor;
  private final Clock clock;
  private final Thread thread;
  private final TrafficTally total = new TrafficTally();
  private TrafficTally interval = new TrafficTally();
  private long cursor;
  private long rounds;
  private volatile boolean running = true;

  public TrafficDriver(
      SimulatedNetwork network,
      Supplier<List<InetAddress>> members,
      int pairsPerRound,
      Duration pause,
      int restFactor,
      Clock clock) {
    this.network = network;
    this.members = members;
    this.pairsPerRound = pairsPerRound;
    this.pause = pause;
    this.restFactor = restFactor;
    this.clock = clock;
    this.thread = new Thread(this::run, "sandbox-traffic");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    while (running) {
      long started = System.nanoTime();
      try {
        round();
      } catch (RuntimeException e) {
        LOG.warn("event=traffic_round_failed error={}", e.getClass().getSimpleName());
      }
      // Rest at least `pause`, and at least `restFactor` times as long as the round took: the
      // driver takes at most 1/(1+restFactor) of a core from the agents and the master it watches.
      long took = System.nanoTime() - started;
      LockSupport.parkNanos(Math.max(pause.toNanos(), took * restFactor));
    }
  }

  /** One round: the next {@code pairsPerRound} ordered pairs (all of them for a small cluster). */
  void round() {
    List<InetAddress> nodes = members.get();
    int n = nodes.size();
    long pairs = (long) n * (n - 1);
    if (pairs == 0) {
      return;
    }
    long count = Math.min(pairs, pairsPerRound);
    TrafficTally tally = new TrafficTally();
    Instant at = clock.instant();
    for (long k = 0; k < count; k++) {
      long p = (cursor + k) % pairs;
      int from = (int) (p / (n - 1));
      int toSlot = (int) (p % (n - 1));
      int to = toSlot >= from ? toSlot + 1 : toSlot;
      InetAddress src = nodes.get(from);
      InetAddress dst = nodes.get(to);
      Delivery d = network.send(src, dst, PACKET_BYTES);
      tally.add(d, src, dst, at);
    }
    cursor = (cursor + count) % pairs;
    synchronized (this) {
      total.addAll(tally);
      interval.addAll(tally);
      rounds++;
      notifyAll();
    }
  }

  /** Everything since start. */
  public synchronized TrafficStats total() {
    return total.toStats();
  }

  /** Everything since the previous call (or start), then starts a new interval. */
  public synchronized TrafficStats takeInterval() {
    TrafficStats s = interval.toStats();
    interval = new TrafficTally();
    return s;
  }

  /** Rounds completed so far. */
  public synchronized long rounds() {
    return rounds;
  }

  /**
   * Waits until {@code more} further rounds have completed, so that a check after a change is based
   * on traffic sent after it.
   */
  public synchronized void awaitRounds(long more, Duration timeout) throws InterruptedException {
    long target = rounds + more;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (rounds < target && running) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException("traffic rounds did not advance within " + timeout);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  @Override
  public void close() {
    running = false;
    LockSupport.unpark(thread);
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
