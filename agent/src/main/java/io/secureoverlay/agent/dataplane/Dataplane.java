package io.secureoverlay.agent.dataplane;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One node's IPsec tables as SecureOverlay sees them: the SAs (SAD) and policies (SPD) it owns. Two
 * implementations: the kernel's XFRM tables over NETLINK_XFRM, and {@link SimulatedDataplane} for
 * tests and the sandbox cluster. Both pass {@code AbstractDataplaneContractTest}.
 *
 * <p>Ownership: an object is owned when its reqid (an SA's, or a policy template's) is in {@link
 * OwnedReqids}. Dumps and gets report owned objects only; changes never create, alter or delete a
 * foreign object (a change aimed at one fails with {@link ChangeResult.Status#NOT_OWNED} or, for an
 * add whose identity is taken, {@link ChangeResult.Status#EXISTS}).
 *
 * <p>Keys go in through {@link SaSpec#key()} and never come back out: reports carry fingerprints.
 */
public interface Dataplane extends AutoCloseable {

  /** Every owned SA. Throws {@link DataplaneException} if the table cannot be read. */
  List<SaState> dumpSas();

  /**
   * Shows {@code visitor} every owned SA, as {@link #dumpSas} lists them, without a copy of each
   * where the implementation can. A view is valid only during its call; the visitor must not call
   * back into the data plane. Throws {@link DataplaneException} if the table cannot be read.
   */
  default void forEachSa(Consumer<? super InstalledSaView> visitor) {
    dumpSas().forEach(visitor);
  }

  /** The owned SA with this identity; empty when absent or foreign. */
  Optional<SaState> getSa(SaId id);

  /** Every owned policy. Throws {@link DataplaneException} if the table cannot be read. */
  List<Policy> dumpPolicies();

  /**
   * Shows {@code visitor} every owned policy, as {@link #dumpPolicies} lists them, without a copy
   * of the table where the implementation can; the same rules as {@link #forEachSa}.
   */
  default void forEachPolicy(Consumer<? super Policy> visitor) {
    dumpPolicies().forEach(visitor);
  }

  /** The owned policy with this identity; empty when absent or foreign. */
  Optional<Policy> getPolicy(PolicyId id);

  /**
   * Applies the changes in order, one request each, and returns one result per change in the same
   * order. A failing change never stops the rest of the batch; the batch is not a transaction.
   */
  List<ChangeResult> apply(List<? extends DataplaneChange> changes);

  /**
   * The node's XFRM error counters, keyed by their {@code /proc/net/xfrm_stat} names ({@code
   * XfrmInNoStates}, {@code XfrmInStateProtoError}, ...), counters that no SA holds. Empty when the
   * implementation cannot read them.
   */
  default Map<String, Long> xfrmStatistics() {
    return Map.of();
  }

  /** Releases the socket or whatever the implementation holds; the installed state stays. */
  @Override
  default void close() {}
}
