package io.secureoverlay.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One epoch in the plan, with the nodes (by stable index) that reached each stage for it. Never key
 * bytes: the key lives only in the keys Secret, and status shows its fingerprint.
 *
 * @param fingerprint {@link io.secureoverlay.crypto.KeyFingerprints#ofEpochSecret} of the epoch
 *     secret
 * @param inboundReady nodes that have installed inbound SAs for this epoch from every node in their
 *     table: senders encrypt toward them with it
 * @param encrypting nodes acknowledged as sending with this epoch toward every peer ready for it,
 *     so peers that enforce may refuse plaintext from them; a node is in at most one epoch's set
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EpochStatus(
    long number,
    EpochState state,
    Instant createdAt,
    String fingerprint,
    NodeSet inboundReady,
    NodeSet encrypting) {

  public EpochStatus withState(EpochState next) {
    return new EpochStatus(number, next, createdAt, fingerprint, inboundReady, encrypting);
  }

  public EpochStatus withInboundReady(NodeSet next) {
    return new EpochStatus(number, state, createdAt, fingerprint, next, encrypting);
  }

  public EpochStatus withEncrypting(NodeSet next) {
    return new EpochStatus(number, state, createdAt, fingerprint, inboundReady, next);
  }

  /** {@link #inboundReady()}, absent read as empty. */
  public NodeSet readyOrEmpty() {
    return inboundReady == null ? NodeSet.empty() : inboundReady;
  }

  /** {@link #encrypting()}, absent read as empty. */
  public NodeSet encryptingOrEmpty() {
    return encrypting == null ? NodeSet.empty() : encrypting;
  }
}
