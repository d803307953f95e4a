package io.secureoverlay.agent.kube;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import java.net.Inet4Address;
import java.util.Map;
import java.util.Optional;

/**
 * A node's underlay address as Calico uses it for IPIP: the {@value #CALICO_IPV4_ANNOTATION}
 * annotation Calico's node agent writes ({@code 10.0.0.5/24}), else the Node's first InternalIP.
 */
public final class NodeAddresses {

  public static final String CALICO_IPV4_ANNOTATION = "projectcalico.org/IPv4Address";

  private NodeAddresses() {}

  public static Optional<Inet4Address> underlay(Node node) {
    Map<String, String> annotations = node.getMetadata().getAnnotations();
    if (annotations != null && annotations.containsKey(CALICO_IPV4_ANNOTATION)) {
      Optional<Inet4Address> calico =
          Ipv4Literal.parseWithOptionalPrefix(annotations.get(CALICO_IPV4_ANNOTATION));
      if (calico.isPresent()) {
        return calico;
      }
    }
    if (node.getStatus() == null || node.getStatus().getAddresses() == null) {
      return Optional.empty();
    }
    return node.getStatus().getAddresses().stream()
        .filter(a -> "InternalIP".equals(a.getType()))
        .map(NodeAddress::getAddress)
        .map(Ipv4Literal::parse)
        .flatMap(Optional::stream)
        .findFirst();
  }
}
