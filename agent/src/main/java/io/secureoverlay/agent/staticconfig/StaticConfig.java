package io.secureoverlay.agent.staticconfig;

import io.secureoverlay.agent.dataplane.SaLifetimes;
import io.secureoverlay.agent.reconcile.ClusterIntent;
import io.secureoverlay.agent.reconcile.DesiredStateFactory;
import io.secureoverlay.agent.reconcile.NodeDesiredState;
import io.secureoverlay.agent.reconcile.NodeRef;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A parsed static configuration (format: {@link StaticConfigParser}). Owns the epoch secrets:
 * {@link #close()} zeroes them.
 *
 * @param node this node's name from the file, if it names one ({@code --node} can override)
 */
public record StaticConfig(
    Optional<String> node,
    List<NodeRef> nodes,
    Cipher cipher,
    IcvLength icv,
    SortedMap<Long, SecretBytes> epochSecrets,
    OptionalLong outboundEpoch,
    boolean enforce,
    SaLifetimes lifetimes)
    implements AutoCloseable {

  public StaticConfig {
    nodes = List.copyOf(nodes);
    epochSecrets = Collections.unmodifiableSortedMap(new TreeMap<>(epochSecrets));
  }

  /**
   * The desired state of this node: every listed epoch inbound, {@code outboundEpoch} toward every
   * peer, enforcement toward every peer if {@code enforce}; the same rules as the Kubernetes mode,
   * with every node taken as having acknowledged every phase.
   *
   * @param nodeOverride {@code --node}, which wins over the file's {@code node}
   */
  public NodeDesiredState desiredState(Optional<String> nodeOverride) throws StaticConfigException {
    String self = nodeOverride.or(() -> node).orElse(null);
    if (self == null) {
      throw new StaticConfigException("node: missing (name this node in the file or with --node)");
    }
    if (nodes.stream().noneMatch(n -> n.name().equals(self))) {
      throw new StaticConfigException("node: '" + self + "' is not one of the names in nodes");
    }
    ClusterIntent intent =
        ClusterIntent.everyoneReady(
            nodes,
            cipher,
            icv,
            lifetimes,
            epochSecrets,
            new TreeSet<>(epochSecrets.keySet()),
            outboundEpoch,
            enforce);
    try {
      return DesiredStateFactory.forNode(intent, self);
    } catch (IllegalArgumentException e) {
      throw new StaticConfigException(e.getMessage());
    }
  }

  @Override
  public void close() {
    epochSecrets.values().forEach(SecretBytes::close);
  }
}
