package io.secureoverlay.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The life of one key epoch in the plan. */
public enum EpochState {
  /** The key exists; nodes are installing inbound SAs for it. */
  @JsonProperty("Pending")
  PENDING,
  /** Every live node accepts this epoch inbound; senders may switch to it. */
  @JsonProperty("InboundReady")
  INBOUND_READY,
  /** Senders use this epoch outbound. */
  @JsonProperty("Active")
  ACTIVE,
  /** Superseded; its SAs stay for the grace period, then are deleted. */
  @JsonProperty("Retiring")
  RETIRING
}
