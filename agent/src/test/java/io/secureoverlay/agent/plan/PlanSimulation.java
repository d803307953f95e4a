package io.secureoverlay.agent.plan;

import io.secureoverlay.agent.dataplane.Delivery;
import io.secureoverlay.agent.dataplane.SimulatedNetwork;
import io.secureoverlay.agent.dataplane.TrafficReport;
import io.secureoverlay.master.NodeFact;
import io.secureoverlay.protocol.SecureOverlayStatus;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The plan engine and N simulated agents on one simulated network, driven in a seeded random order
 * (or in lock-step). After every single data-plane change on a node, one packet goes each way
 * between that node and every other node: a pair's delivery depends only on its two ends, so this
 * checks every pair in every state any node passes through. Any packet lost is counted, with the
 * first few described.
 */
final class PlanSimulation implements AutoCloseable {

  enum Order {
    /** Each action is the master's round or one agent's, picked at random among those pending. */
    RANDOM,
    /** A master round, then every pending agent in random order, and again. */
    LOCKSTEP
  }

  private static final int PACKET = 1000;
  private static final Duration MASTER_TICK = Duration.ofMillis(100);

  final SimClock clock = new SimClock();
  final SimulatedNetwork network = new SimulatedNetwork();
  final SimMaster master;
  final Map<String, SimAgent> agents = new LinkedHashMap<>();
  final PlanIntents intents;
  private final Random random;
  private final Order order;
  private final Map<String, Set<Long>> softExpired = new HashMap<>();
  private final List<String> drops = new ArrayList<>();
  private long sent;
  private long lost;

  PlanSimulation(int size, PlanIntents intents, Order order, long seed) {
    this.intents = intents;
    this.order = order;
    this.random = new Random(seed);
    this.master = new SimMaster(clock, seed);
    for (int i = 1; i <= size; i++) {
      addNode(i);
    }
  }

  /** A Node object and its running agent; the machine joins the network. */
  SimAgent addNode(int i) {
    String name = "node-" + i;
    String ip = "100.64." + (i / 250) + "." + (i % 250 + 1);
    master.facts.put(name, new NodeFact(name, ip));
    SimAgent agent = new SimAgent(name, PlanIntents.address(ip), this);
    agents.put(name, agent);
    return agent;
  }

  /** The machine is gone: Node object deleted, agent gone, off the network. */
  void deleteNode(String name) {
    SimAgent agent = agents.remove(name);
    master.facts.remove(name);
    master.forget(name);
    network.remove(agent.underlay);
  }

  /** The agent process stops; the machine (and its data plane) stays on the network. */
  SimAgent stopAgent(String name) {
    return agents.remove(name);
  }

  void resumeAgent(SimAgent agent) {
    agents.put(agent.name, agent);
  }

  Set<Long> softExpired(String node) {
    return new TreeSet<>(softExpired.getOrDefault(node, Set.of()));
  }

  void setSoftExpired(String node, Set<Long> epochs) {
    softExpired.put(node, Set.copyOf(epochs));
    agents.get(node).reportSoftExpiry();
  }

  SecureOverlayStatus status() {
    return master.status();
  }

  /** Runs until nothing is pending, honouring the master's timers up to {@code horizon} ahead. */
  void settle(Duration horizon) {
    Instant limit = clock.instant().plus(horizon);
    for (int step = 0; step < 2_000_000; step++) {
      List<SimAgent> pending = agents.values().stream().filter(SimAgent::pending).toList();
      boolean masterPending = master.pending();
      if (pending.isEmpty() && !masterPending) {
        Optional<Instant> wake = master.last == null ? Optional.empty() : master.last.wakeAt();
        if (wake.isEmpty() || wake.get().isAfter(limit)) {
          return;
        }
        clock.advanceTo(wake.get());
        master.round();
        continue;
      }
      if (order == Order.LOCKSTEP) {
        masterRound();
        List<SimAgent> shuffled = new ArrayList<>(pending);
        java.util.Collections.shuffle(shuffled, random);
        shuffled.forEach(SimAgent::act);
        continue;
      }
      int pick = random.nextInt(pending.size() + (masterPending ? 1 : 0));
      if (pick == pending.size()) {
        masterRound();
      } else {
        pending.get(pick).act();
      }
    }
    throw new AssertionError("the simulation did not settle");
  }

  void settle() {
    settle(Duration.ofMinutes(1));
  }

  /**
   * Runs until {@code done} holds, at most {@code actions} actions (no timers): to stop part-way
   * through a transition.
   */
  void runUntil(java.util.function.BooleanSupplier done, int actions) {
    for (int step = 0; step < actions && !done.getAsBoolean(); step++) {
      List<SimAgent> pending = agents.values().stream().filter(SimAgent::pending).toList();
      int pick = random.nextInt(pending.size() + 1);
      if (pick == pending.size()) {
        masterRound();
      } else {
        pending.get(pick).act();
      }
    }
    if (!done.getAsBoolean()) {
      throw new AssertionError("condition not reached in " + actions + " actions");
    }
  }

  void masterRound() {
    clock.advance(MASTER_TICK);
    master.round();
  }

  /** After a change on {@code node}: a packet each way between it and every other machine. */
  void afterChangeOn(SimAgent node) {
    for (InetAddress other : network.addresses()) {
      if (!other.equals(node.underlay)) {
        count(node.underlay, other);
        count(other, node.underlay);
      }
    }
  }

  private void count(InetAddress from, InetAddress to) {
    Delivery d = network.send(from, to, PACKET);
    sent++;
    if (d.delivered()) {
      return;
    }
    lost++;
    if (drops.size() < 10) {
      drops.add(
          from.getHostAddress()
              + " -> "
              + to.getHostAddress()
              + " dropped ("
              + d.dropReason()
              + ") at plan "
              + master.status().getPlanRevision());
    }
  }

  /** One packet each way between every two machines now on the network. */
  TrafficReport sweep() {
    return network.sendBetweenAll(List.copyOf(network.addresses()), PACKET);
  }

  /** Packets sent after changes so far. */
  long sent() {
    return sent;
  }

  /** Packets lost after changes so far. */
  long lost() {
    return lost;
  }

  List<String> drops() {
    return List.copyOf(drops);
  }

  int totalWrites() {
    return agents.values().stream().mapToInt(a -> a.writes).sum();
  }

  @Override
  public void close() {
    master.close();
  }
}
