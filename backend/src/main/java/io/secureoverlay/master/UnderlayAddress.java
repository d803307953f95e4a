package io.secureoverlay.master;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Node's underlay address, the one Calico's IPIP packets travel between: Calico's own annotation
 * {@value #CALICO_ANNOTATION} (an address with its prefix length, e.g. {@code 10.0.0.5/24}) when
 * present, else the Node's first IPv4 {@code InternalIP}.
 */
public final class UnderlayAddress {

  public static final String CALICO_ANNOTATION = "projectcalico.org/IPv4Address";

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

  private UnderlayAddress() {}

  public static Optional<String> of(Node node) {
    Map<String, String> annotations =
        node.getMetadata() == null ? null : node.getMetadata().getAnnotations();
    if (annotations != null && annotations.get(CALICO_ANNOTATION) != null) {
      String value = annotations.get(CALICO_ANNOTATION);
      int slash = value.indexOf('/');
      Optional<String> ip = ipv4(slash < 0 ? value : value.substring(0, slash));
      if (ip.isPresent()) {
        return ip;
      }
    }
    if (node.getStatus() == null || node.getStatus().getAddresses() == null) {
      return Optional.empty();
    }
    return node.getStatus().getAddresses().stream()
        .filter(a -> "InternalIP".equals(a.getType()))
        .map(NodeAddress::getAddress)
        .map(UnderlayAddress::ipv4)
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** The fact the plan engine needs about one Node. */
  public static NodeFact fact(Node node) {
    return new NodeFact(node.getMetadata().getName(), of(node).orElse(null));
  }

  private static Optional<String> ipv4(String text) {
    return text != null && IPV4.matcher(text.trim()).matches()
        ? Optional.of(text.trim())
        : Optional.empty();
  }
}
