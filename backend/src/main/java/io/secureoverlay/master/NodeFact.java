package io.secureoverlay.master;

import java.util.Objects;

/**
 * What the master knows of one Kubernetes Node: its name and the IPv4 address Calico's IPIP packets
 * travel between, if it has one ({@link UnderlayAddress#of}).
 *
 * @param underlayIp dotted-quad IPv4 address, or {@code null} when the Node has none
 */
public record NodeFact(String name, String underlayIp) {

  public NodeFact {
    Objects.requireNonNull(name, "name");
  }

  public boolean hasUnderlay() {
    return underlayIp != null;
  }
}
