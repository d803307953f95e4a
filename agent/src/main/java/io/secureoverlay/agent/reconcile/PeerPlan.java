package io.secureoverlay.agent.reconcile;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What this node installs for one peer.
 *
 * @param inboundEpochs epochs whose inbound SA (peer to self) is installed
 * @param outboundEpoch the epoch this node encrypts toward the peer with; empty = plaintext
 * @param enforce whether an in policy requires ESP from the peer (plaintext from it is dropped)
 */
public record PeerPlan(
    NodeRef peer, SortedSet<Long> inboundEpochs, OptionalLong outboundEpoch, boolean enforce) {

  public PeerPlan {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(outboundEpoch, "outboundEpoch");
    inboundEpochs = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(inboundEpochs));
    if (enforce && inboundEpochs.isEmpty()) {
      throw new IllegalArgumentException(
          "peer " + peer.name() + ": enforce needs at least one inbound epoch");
    }
  }
}
