package io.secureoverlay.agent.reconcile;

import io.secureoverlay.spi.SpiAllocator;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A node as the data plane needs it: its name (for people), its underlay address (Calico's IPIP
 * endpoint) and its stable index, which its SPIs carry.
 */
public record NodeRef(String name, InetAddress underlay, int index) {

  public NodeRef {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("node name must not be blank");
    }
    Objects.requireNonNull(underlay, "underlay");
    if (!(underlay instanceof Inet4Address)) {
      throw new IllegalArgumentException(
          "node " + name + ": underlay " + underlay.getHostAddress() + " is not IPv4 (IPIP is)");
    }
    if (index < 0 || index > SpiAllocator.MAX_NODE_INDEX) {
      throw new IllegalArgumentException(
          "node " + name + ": index " + index + " not in 0.." + SpiAllocator.MAX_NODE_INDEX);
    }
  }

  @Override
  public String toString() {
    return name + "(" + underlay.getHostAddress() + "#" + index + ")";
  }
}
