package io.secureoverlay.agent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.dataplane.SaLifetimes;
import io.secureoverlay.agent.dataplane.SimulatedDataplane;
import io.secureoverlay.agent.dataplane.SimulatedNetwork;
import io.secureoverlay.agent.dataplane.TrafficReport;
import io.secureoverlay.crypto.PairKeyDeriver;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.spi.SpiAllocator;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Nodes with simulated data planes on one simulated network, a reconciler each, and IPIP traffic
 * between every pair after every single change any node makes: the loss figures the transition
 * tests assert come from here.
 */
final class SimulatedCluster implements AutoCloseable {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  final SimulatedNetwork network = new SimulatedNetwork();
  final Map<String, NodeRef> nodes = new LinkedHashMap<>();
  final Map<String, SteppingDataplane> dataplanes = new LinkedHashMap<>();
  final Map<String, NodeReconciler> reconcilers = new LinkedHashMap<>();
  private final SortedMap<Long, SecretBytes> secrets = new TreeMap<>();
  private TrafficReport traffic = TrafficReport.empty();

  SimulatedCluster(int size) {
    for (int i = 1; i <= size; i++) {
      join(i);
    }
  }

  /** Puts node {@code i} (10.0.0.i, index i) on the network with an empty data plane. */
  NodeRef join(int i) {
    NodeRef node = new NodeRef("node-" + i, ip("10.0.0." + i), i);
    SimulatedDataplane sim = network.node(node.underlay());
    SteppingDataplane stepping = new SteppingDataplane(sim);
    stepping.afterEachChange(this::sendBetweenAll);
    nodes.put(node.name(), node);
    dataplanes.put(node.name(), stepping);
    reconcilers.put(node.name(), reconcilerFor(stepping));
    return node;
  }

  void leave(String name) {
    NodeRef node = nodes.remove(name);
    dataplanes.remove(name);
    reconcilers.remove(name);
    network.remove(node.underlay());
  }

  static NodeReconciler reconcilerFor(SteppingDataplane dataplane) {
    return new NodeReconciler(
        dataplane, new DesiredXfrmBuilder(new PairKeyDeriver(), new SpiAllocator()), CLOCK);
  }

  SimulatedDataplane simulated(String name) {
    return network.node(nodes.get(name).underlay());
  }

  SecretBytes secret(long epoch) {
    return secrets.computeIfAbsent(
        epoch,
        e -> {
          byte[] bytes = new byte[32];
          for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (e * 97 + i);
          }
          return SecretBytes.wrap(bytes);
        });
  }

  Set<Integer> all() {
    return nodes.values().stream().map(NodeRef::index).collect(Collectors.toSet());
  }

  /**
   * The intent of one phase: inbound epochs, outbound epoch (or none), which nodes are ready for
   * which epoch, which enforce, which are acknowledged as encrypting.
   */
  ClusterIntent intent(
      Collection<Long> inbound,
      OptionalLong outbound,
      Map<Long, Set<Integer>> ready,
      Set<Integer> enforcing,
      Set<Integer> encrypting) {
    SortedMap<Long, SecretBytes> live = new TreeMap<>();
    inbound.forEach(e -> live.put(e, secret(e)));
    outbound.ifPresent(e -> live.put(e, secret(e)));
    return new ClusterIntent(
        List.copyOf(nodes.values()),
        Cipher.AES_GCM_128,
        IcvLength.ICV_64,
        NodeDesiredState.DEFAULT_LIFETIMES,
        live,
        new TreeSet<>(inbound),
        outbound,
        ready,
        enforcing,
        encrypting);
  }

  /** Enable, step 1: inbound SAs of epoch {@code k} everywhere, nobody sends with it yet. */
  ClusterIntent inboundOnly(long k) {
    return intent(List.of(k), OptionalLong.empty(), Map.of(k, Set.of()), Set.of(), Set.of());
  }

  /** Enable, step 2: everyone ready for and encrypting with epoch {@code k}, nobody enforcing. */
  ClusterIntent encrypting(long k) {
    return intent(List.of(k), OptionalLong.of(k), Map.of(k, all()), Set.of(), Set.of());
  }

  /** Enable, step 3: as {@link #encrypting}, and everyone refuses plaintext. */
  ClusterIntent enforcing(long k) {
    return intent(List.of(k), OptionalLong.of(k), Map.of(k, all()), all(), all());
  }

  /** Every node but {@code name} reconciles to the intent, whatever the outcome. */
  void reconcileAllBut(String name, ClusterIntent intent) {
    for (String node : List.copyOf(nodes.keySet())) {
      if (!node.equals(name)) {
        try (NodeDesiredState desired = DesiredStateFactory.forNode(intent, node)) {
          reconcilers.get(node).reconcile(desired);
        }
      }
    }
  }

  /** Every node reconciles to the intent, one after another; returns the reports. */
  List<ReconcileReport> converge(ClusterIntent intent) {
    List<ReconcileReport> reports = new ArrayList<>();
    for (String name : List.copyOf(nodes.keySet())) {
      try (NodeDesiredState desired = DesiredStateFactory.forNode(intent, name)) {
        ReconcileReport report = reconcilers.get(name).reconcile(desired);
        assertThat(report.failures()).as("failures on " + name).isEmpty();
        assertThat(report.skipped()).as("skipped on " + name).isEmpty();
        reports.add(report);
      }
    }
    return reports;
  }

  void sendBetweenAll() {
    List<InetAddress> members = nodes.values().stream().map(NodeRef::underlay).toList();
    traffic = traffic.plus(network.sendBetweenAll(members, 1000));
  }

  /** Traffic since the last call, then resets the tally. */
  TrafficReport takeTraffic() {
    TrafficReport t = traffic;
    traffic = TrafficReport.empty();
    return t;
  }

  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  static SaLifetimes lifetimes() {
    return NodeDesiredState.DEFAULT_LIFETIMES;
  }

  @Override
  public void close() {
    secrets.values().forEach(SecretBytes::close);
  }
}
