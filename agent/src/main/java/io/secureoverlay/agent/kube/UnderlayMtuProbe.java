package io.secureoverlay.agent.kube;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.OptionalInt;

/** The MTU of the interface that carries a node's underlay address. */
@FunctionalInterface
public interface UnderlayMtuProbe {

  OptionalInt mtuOf(InetAddress underlay);

  /** A fixed figure: simulated data planes, or an operator's override. */
  static UnderlayMtuProbe fixed(int mtu) {
    return underlay -> OptionalInt.of(mtu);
  }

  /** The host's interface holding the address, as {@code ip link} reports its MTU. */
  static UnderlayMtuProbe host() {
    return underlay -> {
      try {
        NetworkInterface nic = NetworkInterface.getByInetAddress(underlay);
        return nic == null ? OptionalInt.empty() : OptionalInt.of(nic.getMTU());
      } catch (SocketException e) {
        return OptionalInt.empty();
      }
    };
  }
}
