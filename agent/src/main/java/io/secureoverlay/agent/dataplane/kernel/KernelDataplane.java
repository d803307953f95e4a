package io.secureoverlay.agent.dataplane.kernel;

import io.secureoverlay.agent.dataplane.ChangeResult;
import io.secureoverlay.agent.dataplane.Dataplane;
import io.secureoverlay.agent.dataplane.DataplaneChange;
import io.secureoverlay.agent.dataplane.DataplaneException;
import io.secureoverlay.agent.dataplane.Policy;
import io.secureoverlay.agent.dataplane.PolicyId;
import io.secureoverlay.agent.dataplane.SaId;
import io.secureoverlay.agent.dataplane.SaState;
import io.secureoverlay.agent.netlink.NetlinkException;
import io.secureoverlay.agent.netlink.NetworkNamespace;
import io.secureoverlay.agent.xfrm.XfrmOwnership;
import io.secureoverlay.agent.xfrm.XfrmStatCounters;
import io.secureoverlay.agent.xfrm.XfrmStatReader;
import io.secureoverlay.agent.xfrm.client.XfrmClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel's XFRM tables as a {@link Dataplane}, over one NETLINK_XFRM socket. It reports and
 * changes only entries carrying a SecureOverlay reqid; foreign ones are never reported, changed or
 * deleted (see {@link KernelChangeBatch}), and nothing here flushes a table.
 */
public final class KernelDataplane implements Dataplane {

  private static final Logger log = LoggerFactory.getLogger(KernelDataplane.class);

  private final XfrmClient client;
  private final Supplier<XfrmStatCounters> statistics;

  /**
   * @param statistics reads /proc/net/xfrm_stat of the namespace {@code client} works in
   */
  public KernelDataplane(XfrmClient client, Supplier<XfrmStatCounters> statistics) {
    this.client = client;
    this.statistics = statistics;
  }

  /** The data plane of the calling thread's network namespace (the node's, on a real node). */
  public static KernelDataplane open() {
    return new KernelDataplane(XfrmClient.open(), XfrmStatReader::read);
  }

  /** The data plane of a namespace "node"; {@code namespace} must stay open while this is used. */
  public static KernelDataplane open(NetworkNamespace namespace) {
    return new KernelDataplane(
        XfrmClient.open(namespace), () -> namespace.call(XfrmStatReader::read));
  }

  @Override
  public List<SaState> dumpSas() {
    try {
      return client.ownedStates().stream()
          .flatMap(e -> XfrmDataplaneMapping.toSaState(e).stream())
          .toList();
    } catch (NetlinkException e) {
      throw new DataplaneException("cannot dump the kernel's SAs: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<SaState> getSa(SaId id) {
    try {
      return client
          .getState(XfrmDataplaneMapping.toKey(id))
          .filter(XfrmOwnership::owns)
          .flatMap(XfrmDataplaneMapping::toSaState);
    } catch (NetlinkException e) {
      throw new DataplaneException("cannot read SA " + id + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<Policy> dumpPolicies() {
    try {
      return client.ownedPolicies().stream()
          .flatMap(e -> XfrmDataplaneMapping.toPolicy(e).stream())
          .toList();
    } catch (NetlinkException e) {
      throw new DataplaneException("cannot dump the kernel's policies: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<Policy> getPolicy(PolicyId id) {
    try {
      return client
          .getPolicy(XfrmDataplaneMapping.toPolicyId(id))
          .filter(XfrmOwnership::owns)
          .flatMap(XfrmDataplaneMapping::toPolicy);
    } catch (NetlinkException e) {
      throw new DataplaneException("cannot read policy " + id + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<ChangeResult> apply(List<? extends DataplaneChange> changes) {
    List<ChangeResult> results = new KernelChangeBatch(client, changes).run();
    log.debug(
        "kernel dataplane applied changes={} failed={}",
        changes.size(),
        results.stream().filter(r -> !r.isOk()).count());
    return results;
  }

  /** The namespace's /proc/net/xfrm_stat; empty (and a warning) when it cannot be read. */
  @Override
  public Map<String, Long> xfrmStatistics() {
    try {
      return statistics.get().counters();
    } catch (RuntimeException e) {
      log.warn("xfrm_stat unreadable cause={}", e.getMessage());
      return Map.of();
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
