package io.secureoverlay.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where one row of the plan's node table stands. Agents act on it as follows (see {@code
 * docs/design/plan-protocol.md}):
 *
 * <pre>
 *   state      peers keep SAs with it   it may send ESP   agents see the row
 *   Joining    yes                      no                yes
 *   Member     yes                      yes               yes
 *   Leaving    yes                      yes               yes
 *   Departing  yes                      no                yes
 *   Removed    no                       no                no (index not yet reusable)
 * </pre>
 */
public enum MemberState {
  /**
   * Listed so peers install its inbound SAs; not yet allowed to encrypt, because a peer may not
   * have installed them yet. Admitted once every live node acknowledged a plan that lists it.
   */
  @JsonProperty("Joining")
  JOINING,
  /** Admitted: it encrypts toward inbound-ready peers. */
  @JsonProperty("Member")
  MEMBER,
  /**
   * On its way out, step 1: it still encrypts, but nobody enforces ESP from it any more and it
   * enforces nothing.
   */
  @JsonProperty("Leaving")
  LEAVING,
  /** Step 2: nobody encrypts toward it and it encrypts toward nobody; SAs stay for stragglers. */
  @JsonProperty("Departing")
  DEPARTING,
  /**
   * Step 3: every agent removes its SAs with this node, and the node itself (if still running)
   * removes all of its state. The row only keeps the index from being reused until every live node
   * has done so.
   */
  @JsonProperty("Removed")
  REMOVED;

  /** Whether peers keep SAs with this node (and it is part of their node table). */
  public boolean isListed() {
    return this != REMOVED;
  }

  /** Whether this node may encrypt toward inbound-ready peers. */
  public boolean mayEncrypt() {
    return this == MEMBER || this == LEAVING;
  }
}
