package io.secureoverlay.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One row of the plan's node index table. The index is stable for the node's lifetime in the
 * cluster: SPIs and every {@link NodeSet} refer to nodes by it.
 *
 * @param index 0..{@link NodeSet#MAX_INDEX}
 * @param underlayIp the node's address that IPIP and ESP packets travel between
 * @param state where the node stands in joining or leaving; absent reads as {@link
 *     MemberState#MEMBER}
 * @param revision the plan revision that put the row in its current state: the master waits for
 *     every live node to acknowledge it before the row's next step
 * @param behindSince master bookkeeping, not part of the plan: since when this node has not
 *     acknowledged what the master waits for; absent when it is in step
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record IndexedNode(
    String name,
    int index,
    String underlayIp,
    MemberState state,
    Long revision,
    Instant behindSince) {

  /** A member row without bookkeeping, as a static configuration or a test states it. */
  public IndexedNode(String name, int index, String underlayIp) {
    this(name, index, underlayIp, MemberState.MEMBER, null, null);
  }

  /** {@link #state()}, with an absent state read as {@link MemberState#MEMBER}. */
  public MemberState effectiveState() {
    return state == null ? MemberState.MEMBER : state;
  }

  public IndexedNode withState(MemberState next, long atRevision) {
    return new IndexedNode(name, index, underlayIp, next, atRevision, behindSince);
  }

  public IndexedNode withBehindSince(Instant since) {
    return new IndexedNode(name, index, underlayIp, state, revision, since);
  }
}
