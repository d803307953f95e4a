package io.secureoverlay.agent.reconcile;

import io.secureoverlay.agent.dataplane.SaLifetimes;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The cluster-wide intent both modes reduce to before {@link DesiredStateFactory} turns it into one
 * node's {@link NodeDesiredState}: the static file states it directly (everyone ready), the
 * master's plan states it with the acknowledged sets of its current phase.
 *
 * @param inboundEpochs epochs whose inbound SAs every node installs
 * @param outboundEpoch the epoch nodes encrypt with; empty = nobody encrypts
 * @param inboundReady per epoch, indices of nodes whose inbound SAs for it are in place: nobody
 *     encrypts toward a node before it is ready for that epoch
 * @param enforcing indices of nodes that refuse plaintext from peers that encrypt toward them
 * @param encrypting indices of nodes known (acknowledged) to encrypt toward every ready peer: a
 *     node enforces only against these, so plaintext is refused only from a peer that has
 *     demonstrably stopped sending it
 */
public record ClusterIntent(
    List<NodeRef> nodes,
    Cipher cipher,
    IcvLength icv,
    SaLifetimes lifetimes,
    SortedMap<Long, SecretBytes> epochSecrets,
    SortedSet<Long> inboundEpochs,
    OptionalLong outboundEpoch,
    Map<Long, Set<Integer>> inboundReady,
    Set<Integer> enforcing,
    Set<Integer> encrypting) {

  public ClusterIntent {
    nodes = List.copyOf(nodes);
    Objects.requireNonNull(cipher, "cipher");
    Objects.requireNonNull(icv, "icv");
    Objects.requireNonNull(lifetimes, "lifetimes");
    epochSecrets = Collections.unmodifiableSortedMap(new TreeMap<>(epochSecrets));
    inboundEpochs = Collections.unmodifiableSortedSet(new TreeSet<>(inboundEpochs));
    Objects.requireNonNull(outboundEpoch, "outboundEpoch");
    inboundReady = Map.copyOf(inboundReady);
    enforcing = Set.copyOf(enforcing);
    encrypting = Set.copyOf(encrypting);
  }

  /**
   * An intent in which every node has acknowledged everything: what a static configuration, shared
   * by every node, states.
   */
  public static ClusterIntent everyoneReady(
      List<NodeRef> nodes,
      Cipher cipher,
      IcvLength icv,
      SaLifetimes lifetimes,
      SortedMap<Long, SecretBytes> epochSecrets,
      SortedSet<Long> inboundEpochs,
      OptionalLong outboundEpoch,
      boolean enforce) {
    Set<Integer> all = nodes.stream().map(NodeRef::index).collect(Collectors.toSet());
    Map<Long, Set<Integer>> ready =
        inboundEpochs.stream().collect(Collectors.toMap(e -> e, e -> all));
    return new ClusterIntent(
        nodes,
        cipher,
        icv,
        lifetimes,
        epochSecrets,
        inboundEpochs,
        outboundEpoch,
        ready,
        enforce ? all : Set.of(),
        outboundEpoch.isPresent() ? all : Set.of());
  }

  boolean isReady(long epoch, int nodeIndex) {
    return inboundReady.getOrDefault(epoch, Set.of()).contains(nodeIndex);
  }
}
