package io.secureoverlay.agent.reconcile;

import io.secureoverlay.agent.dataplane.Policy;
import io.secureoverlay.agent.dataplane.PolicyId;
import io.secureoverlay.agent.dataplane.SaId;
import io.secureoverlay.agent.dataplane.SaState;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a node's data plane holds before a pass, as {@link ChangePlanner} compares against it: read
 * from the data plane, or, between full reads, what the last pass that applied every change left
 * there (its desired state). Holds no key: installed SAs by their key's fingerprint.
 *
 * @param sas installed SAs by identity, in the data plane's order; an SA read back has epoch -1
 *     (the data plane does not know epochs)
 * @param policies installed policies by identity, in the data plane's order
 */
public record XfrmBaseline(Map<SaId, DesiredSa> sas, Map<PolicyId, Policy> policies) {

  public XfrmBaseline {
    // An unmodifiable map stays the same object, so a baseline reached by a build holds that
    // build's own maps: ChangePlanner recognises them by identity.
    sas = Collections.unmodifiableMap(sas);
    policies = Collections.unmodifiableMap(policies);
  }

  /** From a data plane's dumps. */
  public static XfrmBaseline read(Collection<SaState> sas, Collection<Policy> policies) {
    Map<SaId, DesiredSa> byId = new LinkedHashMap<>(DesiredXfrmBuilder.capacityFor(sas.size()));
    sas.forEach(sa -> byId.put(sa.id(), DesiredSa.installed(sa)));
    Map<PolicyId, Policy> policyById =
        new LinkedHashMap<>(DesiredXfrmBuilder.capacityFor(policies.size()));
    policies.forEach(p -> policyById.put(p.id(), p));
    return new XfrmBaseline(byId, policyById);
  }

  /** What the data plane holds once every change toward {@code desired} was applied. */
  public static XfrmBaseline reached(DesiredXfrm desired) {
    return new XfrmBaseline(desired.sas(), desired.policies());
  }
}
