package io.secureoverlay.agent.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Calico-IPIP-shaped cluster of namespace nodes for real-kernel tests: every node has an underlay
 * interface on one bridge, a {@code tunl0} with a pod address, and an onlink route to each peer's
 * pod block via the peer's underlay IP, exactly as Calico programs IPIP mode. Addresses come from
 * the documentation ranges (192.0.2.0/24 underlay, 198.51.100.0/24 pods), so nothing here can reach
 * or look like a real network. Must run as root inside the kernel lab.
 */
public final class LabNetwork implements AutoCloseable {

  private static final String BRIDGE = "solab0";
  private static final Pattern PING_SUMMARY =
      Pattern.compile("(\\d+) packets transmitted, (\\d+) (?:packets )?received");

  private final List<LabNode> nodes;

  private LabNetwork(List<LabNode> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  /**
   * Builds {@code count} nodes (at most 15) whose underlay links have {@code underlayMtu} and whose
   * tunl0 has {@code tunnelMtu}.
   */
  public static LabNetwork create(int count, int underlayMtu, int tunnelMtu) {
    if (count < 2 || count > 15) {
      throw new IllegalArgumentException("lab supports 2..15 nodes, not " + count);
    }
    Shell.run("ip", "link", "del", BRIDGE); // leftovers from an aborted run
    Shell.check(
        "ip", "link", "add", BRIDGE, "mtu", Integer.toString(underlayMtu), "type", "bridge");
    Shell.check("ip", "link", "set", BRIDGE, "up");
    List<LabNode> nodes = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String ns = "so-n" + i;
      Shell.run("ip", "netns", "del", ns);
      Shell.check("ip", "netns", "add", ns);
      String host = "so-v" + i;
      Shell.check(
          "ip",
          "link",
          "add",
          host,
          "mtu",
          Integer.toString(underlayMtu),
          "type",
          "veth",
          "peer",
          "name",
          "eth0",
          "netns",
          ns,
          "mtu",
          Integer.toString(underlayMtu));
      Shell.check("ip", "link", "set", host, "master", BRIDGE, "up");
      LabNode node =
          new LabNode(
              i,
              ns,
              "192.0.2." + (10 + i),
              "198.51.100." + (16 * i + 1),
              "198.51.100." + (16 * i) + "/28");
      node.exec("ip", "link", "set", "lo", "up").requireSuccess();
      node.exec("ip", "addr", "add", node.underlayIp() + "/24", "dev", "eth0").requireSuccess();
      node.exec("ip", "link", "set", "eth0", "up").requireSuccess();
      nodes.add(node);
    }
    LabNetwork network = new LabNetwork(nodes);
    network.setTunnelMtu(tunnelMtu);
    for (LabNode node : nodes) {
      node.exec("ip", "addr", "replace", node.podIp() + "/32", "dev", "tunl0").requireSuccess();
      for (LabNode peer : nodes) {
        if (peer != node) {
          node.exec(
                  "ip",
                  "route",
                  "replace",
                  peer.podBlock(),
                  "via",
                  peer.underlayIp(),
                  "dev",
                  "tunl0",
                  "onlink")
              .requireSuccess();
        }
      }
    }
    return network;
  }

  public List<LabNode> nodes() {
    return nodes;
  }

  public LabNode node(int index) {
    return nodes.get(index - 1);
  }

  /**
   * Sets tunl0's MTU on every node (creating tunl0 by bringing it up: the ipip module makes it).
   */
  public void setTunnelMtu(int mtu) {
    for (LabNode node : nodes) {
      node.exec("ip", "link", "set", "tunl0", "mtu", Integer.toString(mtu), "up").requireSuccess();
      node.exec("ip", "route", "flush", "cache");
    }
  }

  /** Sets the underlay MTU on the bridge and every node's links. */
  public void setUnderlayMtu(int mtu) {
    for (LabNode node : nodes) {
      Shell.check("ip", "link", "set", "so-v" + node.index(), "mtu", Integer.toString(mtu));
      node.exec("ip", "link", "set", "eth0", "mtu", Integer.toString(mtu)).requireSuccess();
    }
    Shell.check("ip", "link", "set", BRIDGE, "mtu", Integer.toString(mtu));
  }

  /**
   * Pings pod to pod and returns what ping counted.
   *
   * @param intervalSeconds e.g. "0.01" for 100 packets a second
   */
  public PingResult ping(LabNode from, LabNode to, int count, String intervalSeconds) {
    Shell.Result r =
        from.exec(
            "ping",
            "-n",
            "-q",
            "-c",
            Integer.toString(count),
            "-i",
            intervalSeconds,
            "-W",
            "1",
            "-I",
            from.podIp(),
            to.podIp());
    return PingResult.parse(r.stdout() + r.stderr());
  }

  /** One don't-fragment ping of an inner IP packet of exactly {@code packetBytes} bytes. */
  public boolean dontFragmentPingPasses(LabNode from, LabNode to, int packetBytes) {
    String payload = Integer.toString(packetBytes - 28); // IPv4 header 20 + ICMP header 8
    for (int attempt = 0; attempt < 2; attempt++) { // the first oversize packet may only teach PMTU
      Shell.Result r =
          from.exec(
              "ping",
              "-n",
              "-M",
              "do",
              "-c",
              "1",
              "-W",
              "1",
              "-s",
              payload,
              "-I",
              from.podIp(),
              to.podIp());
      if (r.exitCode() == 0) {
        return true;
      }
    }
    return false;
  }

  /** What ping said about sent and received packets. */
  public record PingResult(int transmitted, int received) {
    public int lost() {
      return transmitted - received;
    }

    static PingResult parse(String output) {
      Matcher m = PING_SUMMARY.matcher(output);
      if (!m.find()) {
        throw new IllegalStateException("ping printed no summary:\n" + output);
      }
      return new PingResult(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
  }

  @Override
  public void close() {
    for (LabNode node : nodes) {
      Shell.run("ip", "netns", "del", node.netns());
    }
    Shell.run("ip", "link", "del", BRIDGE);
  }
}
