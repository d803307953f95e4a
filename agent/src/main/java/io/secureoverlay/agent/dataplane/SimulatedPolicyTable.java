package io.secureoverlay.agent.dataplane;

import io.secureoverlay.agent.collect.CompactOrderedMap;
import java.net.InetAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The SPD of {@link SimulatedDataplane}: policies keyed by (selector, direction). A packet matches
 * the lowest-priority-value policy whose selector covers it, as in the kernel. Host-to-host IPIP
 * selectors (SecureOverlay's own) are found by one hash lookup; the few wider ones, from other
 * IPsec users, are scanned.
 */
final class SimulatedPolicyTable {

  private final CompactOrderedMap<PolicyId, Policy> all = new CompactOrderedMap<>();
  private final Map<PolicyId, Policy> wide = new HashMap<>();

  Optional<Policy> get(PolicyId id) {
    return Optional.ofNullable(all.get(id));
  }

  Collection<Policy> all() {
    return all.values();
  }

  /** Every policy in table order, without a copy; the caller holds the data plane's lock. */
  void forEach(Consumer<Policy> visitor) {
    all.forEachValue(visitor);
  }

  void put(Policy policy) {
    all.put(policy.id(), policy);
    if (!isHostIpip(policy.selector())) {
      wide.put(policy.id(), policy);
    }
  }

  void remove(PolicyId id) {
    all.remove(id);
    wide.remove(id);
  }

  Optional<Policy> lookup(InetAddress src, InetAddress dst, int proto, PolicyDirection direction) {
    Policy best = null;
    if (proto == TrafficSelector.IPPROTO_IPIP) {
      best = all.get(new PolicyId(TrafficSelector.ipip(src, dst), direction));
    }
    for (Policy p : wide.values()) {
      if (p.direction() == direction
          && p.selector().matches(src, dst, proto)
          && (best == null || p.priority() < best.priority())) {
        best = p;
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean isHostIpip(TrafficSelector s) {
    return s.equals(TrafficSelector.ipip(s.source(), s.destination()));
  }
}
