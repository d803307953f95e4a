package io.secureoverlay.agent.reconcile;

import io.secureoverlay.crypto.SecretBytes;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns a {@link ClusterIntent} into one node's {@link NodeDesiredState}. The rules that keep
 * traffic flowing live here, once, for both modes:
 *
 * <ul>
 *   <li>inbound SAs for every inbound epoch, from every peer;
 *   <li>toward a peer, the outbound epoch if the peer is inbound-ready for it, else the newest
 *       older inbound epoch it is ready for (a rotation in progress), else plaintext;
 *   <li>plaintext from a peer is refused only if this node enforces, the peer is acknowledged as
 *       encrypting, and by the same rule, seen from the peer, it encrypts toward this node.
 * </ul>
 */
public final class DesiredStateFactory {

  private DesiredStateFactory() {}

  /**
   * The desired state of node {@code selfName}. The result owns copies of the epoch secrets; the
   * intent's own secrets stay open.
   *
   * @throws IllegalArgumentException if no node of that name is in the intent
   */
  public static NodeDesiredState forNode(ClusterIntent intent, String selfName) {
    NodeRef self = null;
    // A loop, not a stream: every pass of every node looks itself up in the whole list.
    for (NodeRef n : intent.nodes()) {
      if (n.name().equals(selfName)) {
        self = n;
        break;
      }
    }
    if (self == null) {
      throw new IllegalArgumentException("node " + selfName + " is not in the node list");
    }
    List<PeerPlan> peers = new ArrayList<>(intent.nodes().size());
    // Peers pick their epoch toward us by the same rule, from our readiness: the same for all.
    boolean peersHaveAnEpochTowardUs = outboundEpochToward(intent, self).isPresent();
    List<Long> inbound = List.copyOf(intent.inboundEpochs());
    for (NodeRef peer : intent.nodes()) {
      if (peer.equals(self)) {
        continue;
      }
      OptionalLong out = outboundEpochToward(intent, peer);
      boolean peerEncryptsToUs =
          intent.encrypting().contains(peer.index()) && peersHaveAnEpochTowardUs;
      boolean enforce = intent.enforcing().contains(self.index()) && peerEncryptsToUs;
      peers.add(new PeerPlan(peer, inbound, out, enforce));
    }
    SortedMap<Long, SecretBytes> secrets = new TreeMap<>();
    intent.epochSecrets().forEach((epoch, secret) -> secrets.put(epoch, copy(secret)));
    try {
      return new NodeDesiredState(
          self, intent.cipher(), intent.icv(), intent.lifetimes(), secrets, peers);
    } catch (RuntimeException e) {
      // Refused: nothing owns the copies, so zero them here.
      secrets.values().forEach(SecretBytes::close);
      throw e;
    }
  }

  private static OptionalLong outboundEpochToward(ClusterIntent intent, NodeRef peer) {
    if (intent.outboundEpoch().isEmpty()) {
      return OptionalLong.empty();
    }
    long wanted = intent.outboundEpoch().getAsLong();
    if (intent.inboundEpochs().contains(wanted) && intent.isReady(wanted, peer.index())) {
      return intent.outboundEpoch(); // the same value, without a new object per peer
    }
    return intent.inboundEpochs().headSet(wanted).stream()
        .sorted(java.util.Comparator.reverseOrder())
        .filter(e -> intent.isReady(e, peer.index()))
        .mapToLong(Long::longValue)
        .findFirst();
  }

  private static SecretBytes copy(SecretBytes secret) {
    byte[] bytes = secret.copy();
    return SecretBytes.wrap(bytes);
  }
}
