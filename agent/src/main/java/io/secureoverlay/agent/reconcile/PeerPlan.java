package io.secureoverlay.agent.reconcile;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What this node installs for one peer.
 *
 * @param inboundEpochs epochs whose inbound SA (peer to self) is installed, ascending, no repeats.
 *     An immutable list is kept as it is, so the peers of one desired state share one list instead
 *     of a sorted copy each (a thousand per pass)
 * @param outboundEpoch the epoch this node encrypts toward the peer with; empty = plaintext
 * @param enforce whether an in policy requires ESP from the peer (plaintext from it is dropped)
 */
public record PeerPlan(
    NodeRef peer, List<Long> inboundEpochs, OptionalLong outboundEpoch, boolean enforce) {

  public PeerPlan {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(outboundEpoch, "outboundEpoch");
    inboundEpochs = List.copyOf(inboundEpochs);
    for (int i = 1; i < inboundEpochs.size(); i++) {
      if (inboundEpochs.get(i - 1) >= inboundEpochs.get(i)) {
        throw new IllegalArgumentException(
            "peer " + peer.name() + ": inbound epochs " + inboundEpochs + " are not ascending");
      }
    }
    if (enforce && inboundEpochs.isEmpty()) {
      throw new IllegalArgumentException(
          "peer " + peer.name() + ": enforce needs at least one inbound epoch");
    }
  }
}
