package io.secureoverlay.agent.reconcile;

import io.secureoverlay.agent.dataplane.Policy;
import io.secureoverlay.agent.dataplane.PolicyId;
import io.secureoverlay.agent.dataplane.SaId;
import io.secureoverlay.agent.dataplane.SaSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The XFRM objects a {@link NodeDesiredState} stands for, keyed by their kernel identity, with the
 * derived pair keys inside the SA specs. {@code requiredSas} names, per policy, the SAs it must not
 * be installed without. Owns the keys: {@link #close()} zeroes them.
 */
public record DesiredXfrm(
    Map<SaId, SaSpec> sas, Map<PolicyId, Policy> policies, Map<PolicyId, Set<SaId>> requiredSas)
    implements AutoCloseable {

  public DesiredXfrm {
    sas = Collections.unmodifiableMap(new LinkedHashMap<>(sas));
    policies = Collections.unmodifiableMap(new LinkedHashMap<>(policies));
    requiredSas = Map.copyOf(requiredSas);
  }

  public Set<SaId> requiredBy(PolicyId policy) {
    return requiredSas.getOrDefault(policy, Set.of());
  }

  @Override
  public void close() {
    sas.values().forEach(sa -> sa.key().close());
  }
}
