package io.secureoverlay.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One epoch in the plan, with the nodes (by stable index) that reached each stage for it. Never key
 * bytes: the key lives only in the keys Secret, and status shows its fingerprint.
 *
 * @param fingerprint {@link io.secureoverlay.crypto.SecretBytes#fingerprint()} of the epoch secret
 * @param inboundReady nodes that have installed inbound SAs for this epoch
 * @param encrypting nodes that send with this epoch
 * @param enforcing nodes that require ESP of this epoch from encrypting peers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EpochStatus(
    long number,
    EpochState state,
    Instant createdAt,
    String fingerprint,
    NodeSet inboundReady,
    NodeSet encrypting,
    NodeSet enforcing) {}
