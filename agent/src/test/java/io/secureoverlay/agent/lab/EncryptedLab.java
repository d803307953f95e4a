package io.secureoverlay.agent.lab;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * A lab cluster with one real agent per node, and the phased transitions an operator (or, later,
 * the master) drives through the agents' configuration files. Every step waits until the kernel
 * tables of every node show it, which is what "acknowledged" means here.
 */
public final class EncryptedLab implements AutoCloseable {

  static final long OUTBOUND_REQID_BASE = 0x5EC0_0000L;
  static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

  private final LabNetwork network;
  private final LabConfig config;
  private final List<LabAgent> agents = new ArrayList<>();

  private EncryptedLab(LabNetwork network, LabConfig config) {
    this.network = network;
    this.config = config;
  }

  /** A plaintext cluster of {@code nodes} nodes with an agent on each, nothing installed yet. */
  public static EncryptedLab start(int nodes, int underlayMtu, int tunnelMtu, int icvBits) {
    LabNetwork network = LabNetwork.create(nodes, underlayMtu, tunnelMtu);
    try {
      Path dir = Files.createTempDirectory("lab-config");
      LabConfig config = new LabConfig(network.nodes(), dir).icvBits(icvBits);
      config.writeAll(List.of(), OptionalLong.empty(), false);
      EncryptedLab lab = new EncryptedLab(network, config);
      for (LabNode node : network.nodes()) {
        lab.agents.add(LabAgent.start(node, config.fileOf(node)));
      }
      return lab;
    } catch (IOException | RuntimeException e) {
      network.close();
      throw new IllegalStateException("cannot start the encrypted lab", e);
    }
  }

  public LabNetwork network() {
    return network;
  }

  public LabConfig config() {
    return config;
  }

  public LabNode node(int index) {
    return network.node(index);
  }

  public LabAgent agent(int index) {
    return agents.get(index - 1);
  }

  /** Replaces a node's agent process (after a kill), with the same configuration file. */
  public LabAgent restartAgent(int index) {
    LabAgent fresh = LabAgent.start(node(index), config.fileOf(node(index)));
    agents.set(index - 1, fresh);
    return fresh;
  }

  /** Enable in the three acknowledged phases: inbound SAs, then encrypt, then (maybe) enforce. */
  public void enable(long epoch, boolean enforce) {
    config.writeAll(List.of(epoch), OptionalLong.empty(), false);
    awaitEveryNode("inbound SAs of epoch " + epoch, n -> hasInboundFromAllPeers(n, epoch));
    config.writeAll(List.of(epoch), OptionalLong.of(epoch), false);
    awaitEveryNode("encrypting with epoch " + epoch, n -> encryptsTowardAllPeersWith(n, epoch));
    if (enforce) {
      config.writeAll(List.of(epoch), OptionalLong.of(epoch), true);
      awaitEveryNode("enforcing", this::enforcesFromAllPeers);
    }
  }

  /** Rotate in the agent's phase order: inbound k+1 everywhere, switch outbound, retire k. */
  public void rotate(long from, long to, boolean enforce) {
    config.writeAll(List.of(from, to), OptionalLong.of(from), enforce);
    awaitEveryNode("inbound SAs of epoch " + to, n -> hasInboundFromAllPeers(n, to));
    config.writeAll(List.of(from, to), OptionalLong.of(to), enforce);
    awaitEveryNode("encrypting with epoch " + to, n -> encryptsTowardAllPeersWith(n, to));
    config.writeAll(List.of(to), OptionalLong.of(to), enforce);
    awaitEveryNode("epoch " + from + " retired", n -> hasNoSaOfEpoch(n, from));
  }

  /**
   * The naive switch: node after node drops epoch {@code from} and starts on {@code to} in one go
   * (delete then add), each node finished before the next begins, as a rolling restart would.
   */
  public void naiveSwitch(long from, long to, boolean enforce) {
    for (LabNode node : network.nodes()) {
      config.write(node, List.of(to), OptionalLong.of(to), enforce);
      await("node " + node.index() + " switched naively")
          .atMost(STEP_TIMEOUT)
          .until(() -> hasNoSaOfEpoch(node, from) && encryptsTowardAllPeersWith(node, to));
    }
  }

  public void awaitEveryNode(String what, Predicate<LabNode> condition) {
    await(what)
        .atMost(STEP_TIMEOUT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> network.nodes().stream().allMatch(condition));
  }

  public boolean hasInboundFromAllPeers(LabNode node, long epoch) {
    long count =
        XfrmView.states(node).stream()
            .filter(s -> s.dst().equals(node.underlayIp()) && s.isSecureOverlays())
            .filter(s -> s.epochSlot() == epoch % 4)
            .count();
    return count == network.nodes().size() - 1;
  }

  public boolean encryptsTowardAllPeersWith(LabNode node, long epoch) {
    long reqid = OUTBOUND_REQID_BASE | (epoch % 4);
    long count =
        XfrmView.policies(node).stream()
            .filter(p -> "out".equals(p.dir()) && p.reqid() == reqid)
            .count();
    return count == network.nodes().size() - 1;
  }

  public boolean enforcesFromAllPeers(LabNode node) {
    long count = XfrmView.policies(node).stream().filter(p -> "in".equals(p.dir())).count();
    return count == network.nodes().size() - 1;
  }

  public boolean hasNoSaOfEpoch(LabNode node, long epoch) {
    return XfrmView.states(node).stream()
        .noneMatch(s -> s.isSecureOverlays() && s.epochSlot() == epoch % 4);
  }

  @Override
  public void close() {
    agents.forEach(LabAgent::close);
    network.close();
  }
}
