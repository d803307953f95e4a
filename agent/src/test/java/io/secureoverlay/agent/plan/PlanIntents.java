package io.secureoverlay.agent.plan;

import io.secureoverlay.agent.reconcile.ClusterIntent;
import io.secureoverlay.agent.reconcile.NodeDesiredState;
import io.secureoverlay.agent.reconcile.NodeRef;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.protocol.AgentPlanView;
import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.SecureOverlayStatus;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The agent's mapping from plan to {@link ClusterIntent}, as docs/design/plan-protocol.md (section
 * 2.2) specifies it: one field to one field, through {@link AgentPlanView}. {@link #NAIVE} is the
 * rule before the join fix, kept to show what it loses: a node encrypts as soon as it is listed.
 */
enum PlanIntents {
  GATED,
  NAIVE;

  /**
   * The intent for node {@code self}, or empty when the keys Secret lacks a live epoch (the agent
   * waits for it rather than apply half a plan).
   */
  Optional<ClusterIntent> intent(
      AgentPlanView view,
      SecureOverlayStatus status,
      Cipher cipher,
      IcvLength icv,
      SortedMap<Long, SecretBytes> secrets) {
    SortedMap<Long, SecretBytes> live = new TreeMap<>();
    for (long epoch : view.inboundEpochs()) {
      SecretBytes secret = secrets.get(epoch);
      if (secret == null) {
        return Optional.empty();
      }
      live.put(epoch, secret);
    }
    List<NodeRef> nodes = view.nodes().stream().map(PlanIntents::ref).toList();
    OptionalLong out =
        this == GATED
            ? view.outboundEpoch()
            : status.getOutboundEpoch() == null
                ? OptionalLong.empty()
                : OptionalLong.of(status.getOutboundEpoch());
    // Without a live epoch no SA is installed and the cipher is moot; the Secret may not exist yet.
    boolean noEpoch = view.inboundEpochs().isEmpty() && cipher == null;
    return Optional.of(
        new ClusterIntent(
            nodes,
            noEpoch ? Cipher.AES_GCM_128 : cipher,
            noEpoch ? IcvLength.ICV_64 : icv,
            NodeDesiredState.DEFAULT_LIFETIMES,
            live,
            view.inboundEpochs(),
            out,
            view.inboundReady(),
            view.enforcing(),
            view.encrypting()));
  }

  static NodeRef ref(IndexedNode row) {
    return new NodeRef(row.name(), address(row.underlayIp()), row.index());
  }

  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }
}
