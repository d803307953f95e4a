package io.secureoverlay.agent.kube;

import io.secureoverlay.agent.reconcile.NodeRef;
import io.secureoverlay.protocol.AgentPlanView;
import io.secureoverlay.protocol.SecureOverlayStatus;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Remembers what was computed from the last plan object seen, by identity: agents of one process
 * that share a watch (the sandbox) get the same status object and so compute its digest and parse
 * its node table once between them instead of once each. Thread-safe; a single entry each, since
 * agents move to a new plan together.
 */
public final class PlanCache {

  private final Slot<PlanDigest> digest = new Slot<>();
  private final Slot<List<NodeRef>> table = new Slot<>();
  private final Slot<Optional<AgentPlanView.Common>> common = new Slot<>();
  private final Slot<Map<InetAddress, Integer>> indexByUnderlay = new Slot<>();

  /** The part of {@code status} every node reads alike, read once per status. */
  Optional<AgentPlanView.Common> common(SecureOverlayStatus status) {
    return common.get(status, AgentPlanView.Common::of);
  }

  PlanDigest digest(SecureOverlayStatus status) {
    return digest.get(status, PlanDigest::of);
  }

  /**
   * The listed rows of {@code status} as {@code parse} reads them, parsed once per status. A row
   * equal to one of the previous table is that table's object: the SA ids, selectors and policies
   * an agent builds from it then hold the very address objects of the last pass, so looking last
   * pass's objects up compares addresses by identity instead of reaching into two copies of each
   * (at a thousand peers, cache misses are most of a pass).
   */
  List<NodeRef> table(
      SecureOverlayStatus status, Function<SecureOverlayStatus, List<NodeRef>> parse) {
    return table.get(status, s -> sameObjectsAsBefore(parse.apply(s)));
  }

  /**
   * The index of every node of {@code listed} (the table of {@code status}) by underlay address,
   * made once per status: every agent reads its installed SAs back through it after every pass.
   */
  Map<InetAddress, Integer> indexByUnderlay(SecureOverlayStatus status, List<NodeRef> listed) {
    return indexByUnderlay.get(status, s -> byUnderlay(listed));
  }

  private static Map<InetAddress, Integer> byUnderlay(List<NodeRef> listed) {
    Map<InetAddress, Integer> byAddress = new HashMap<>(listed.size() * 2);
    listed.forEach(n -> byAddress.put(n.underlay(), n.index()));
    return Map.copyOf(byAddress);
  }

  private List<NodeRef> sameObjectsAsBefore(List<NodeRef> parsed) {
    List<NodeRef> previous = table.lastValue();
    if (previous == null) {
      return List.copyOf(parsed);
    }
    Map<NodeRef, NodeRef> known = new HashMap<>(previous.size() * 2);
    previous.forEach(n -> known.put(n, n));
    List<NodeRef> out = new ArrayList<>(parsed.size());
    parsed.forEach(n -> out.add(known.getOrDefault(n, n)));
    return List.copyOf(out);
  }

  /** The value computed from the last status object asked about, kept by that object's identity. */
  private static final class Slot<T> {
    private record Entry<T>(SecureOverlayStatus key, T value) {}

    private volatile Entry<T> last;

    /** The value of the last entry, or null before the first. */
    T lastValue() {
      Entry<T> e = last;
      return e == null ? null : e.value();
    }

    T get(SecureOverlayStatus status, Function<SecureOverlayStatus, T> compute) {
      Entry<T> e = last;
      if (e != null && e.key() == status) {
        return e.value();
      }
      T value = compute.apply(status);
      last = new Entry<>(status, value);
      return value;
    }
  }
}
