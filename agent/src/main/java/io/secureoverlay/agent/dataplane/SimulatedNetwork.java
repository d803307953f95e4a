package io.secureoverlay.agent.dataplane;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An underlay network of nodes, each with its own {@link SimulatedDataplane}, carrying Calico's
 * IPIP packets between node addresses. A packet from S to D arrives only if S's outbound state and
 * D's inbound state agree: S sends it in plaintext (no out policy toward D) and D does not enforce
 * (no in policy from D's side requiring ESP), or S's out policy resolves to an SA (S to D, SPI X)
 * and D holds the inbound SA (S to D, SPI X) with the same algorithm, ICV length and key. Every
 * other case is a drop, counted on D (or S) under the kernel's {@code xfrm_stat} name.
 *
 * <p>Per packet the cost is a few hash lookups on two nodes, whatever the cluster size.
 */
public final class SimulatedNetwork {

  /** Raised when a packet is addressed to an underlay address no node has. */
  public static final String NO_ROUTE = "NoRouteToNode";

  private final Map<InetAddress, SimulatedDataplane> nodes = new ConcurrentHashMap<>();

  /** The dataplane of the node at {@code underlay}, created empty on first use. */
  public SimulatedDataplane node(InetAddress underlay) {
    return nodes.computeIfAbsent(underlay, a -> new SimulatedDataplane());
  }

  /** Takes a node off the network (it left the cluster or its machine is gone). */
  public void remove(InetAddress underlay) {
    nodes.remove(underlay);
  }

  public Set<InetAddress> addresses() {
    return Set.copyOf(nodes.keySet());
  }

  /** Sends one IPIP packet of {@code bytes} from node {@code from} to node {@code to}. */
  public Delivery send(InetAddress from, InetAddress to, int bytes) {
    SimulatedDataplane sender = nodes.get(from);
    SimulatedDataplane receiver = nodes.get(to);
    if (sender == null || receiver == null) {
      return Delivery.dropped(NO_ROUTE);
    }
    SimulatedPacket packet = sender.send(from, to, bytes);
    if (packet.droppedBySender()) {
      return Delivery.dropped(packet.senderDrop());
    }
    return receiver.receive(packet);
  }

  /** One packet each way between every two of {@code members}. */
  public TrafficReport sendBetweenAll(List<InetAddress> members, int bytes) {
    List<Delivery> deliveries = new ArrayList<>(members.size() * members.size());
    for (InetAddress from : members) {
      for (InetAddress to : members) {
        if (!from.equals(to)) {
          deliveries.add(send(from, to, bytes));
        }
      }
    }
    return TrafficReport.of(deliveries);
  }
}
