package io.secureoverlay.master;

import io.secureoverlay.protocol.KeysSecretCodec;
import java.time.Duration;
import java.util.Objects;

/**
 * How one master replica runs: where its Lease, keys Secret and Events live, who it is in the
 * leader election, and how often it may write the plan.
 *
 * @param namespace namespace of the Lease, the keys Secret and the Events
 * @param identity this replica's name in the Lease (holderIdentity); unique per replica
 * @param leaseName the Lease replicas compete for
 * @param leaseDuration how long a Lease stays valid without renewal; a standby takes over after it
 * @param renewDeadline how long the leader keeps trying to renew before it stops acting; shorter
 *     than {@code leaseDuration}, so the old leader stops before a new one can start
 * @param retryPeriod how often candidates try to acquire, and the leader renews
 * @param minWriteInterval at most one plan write per this interval: acknowledgements arriving
 *     together are coalesced into one write
 * @param resyncInterval a reconcile runs at least this often even without any event
 */
public record MasterSettings(
    String namespace,
    String identity,
    String leaseName,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod,
    Duration minWriteInterval,
    Duration resyncInterval) {

  public static final String DEFAULT_LEASE_NAME = "secureoverlay-master";

  /** Where the Lease, the keys Secret and the Events live unless told otherwise. */
  public static final String DEFAULT_NAMESPACE = KeysSecretCodec.NAMESPACE;

  public MasterSettings {
    requireText(namespace, "namespace");
    requireText(identity, "identity");
    requireText(leaseName, "leaseName");
    requirePositive(leaseDuration, "leaseDuration");
    requirePositive(renewDeadline, "renewDeadline");
    requirePositive(retryPeriod, "retryPeriod");
    requirePositive(minWriteInterval, "minWriteInterval");
    requirePositive(resyncInterval, "resyncInterval");
    if (renewDeadline.compareTo(leaseDuration) >= 0) {
      throw new IllegalArgumentException(
          "renewDeadline "
              + renewDeadline
              + " must be shorter than leaseDuration "
              + leaseDuration
              + ", or two replicas could act at once");
    }
    if (retryPeriod.compareTo(renewDeadline) >= 0) {
      throw new IllegalArgumentException(
          "retryPeriod " + retryPeriod + " must be shorter than renewDeadline " + renewDeadline);
    }
  }

  /** Production timings (those of Kubernetes' own controllers) in the keys Secret's namespace. */
  public static MasterSettings defaults(String identity) {
    return new MasterSettings(
        DEFAULT_NAMESPACE,
        identity,
        DEFAULT_LEASE_NAME,
        Duration.ofSeconds(15),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2),
        Duration.ofMillis(150),
        Duration.ofSeconds(10));
  }

  public MasterSettings withNamespace(String value) {
    return new MasterSettings(
        value,
        identity,
        leaseName,
        leaseDuration,
        renewDeadline,
        retryPeriod,
        minWriteInterval,
        resyncInterval);
  }

  /** Shorter (or longer) leader-election timings, e.g. for a sandbox that kills its master. */
  public MasterSettings withLeaseTimings(Duration lease, Duration renew, Duration retry) {
    return new MasterSettings(
        namespace, identity, leaseName, lease, renew, retry, minWriteInterval, resyncInterval);
  }

  public MasterSettings withMinWriteInterval(Duration value) {
    return new MasterSettings(
        namespace,
        identity,
        leaseName,
        leaseDuration,
        renewDeadline,
        retryPeriod,
        value,
        resyncInterval);
  }

  public MasterSettings withResyncInterval(Duration value) {
    return new MasterSettings(
        namespace,
        identity,
        leaseName,
        leaseDuration,
        renewDeadline,
        retryPeriod,
        minWriteInterval,
        value);
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
  }

  private static void requirePositive(Duration value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, was " + value);
    }
  }
}
