package io.secureoverlay.agent.reconcile;

import io.secureoverlay.agent.dataplane.Policy;
import io.secureoverlay.agent.dataplane.PolicyId;
import io.secureoverlay.agent.dataplane.SaId;
import io.secureoverlay.agent.dataplane.SaSpec;
import io.secureoverlay.crypto.SecretBytes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The XFRM objects a {@link NodeDesiredState} stands for, keyed by their kernel identity. SA keys
 * are derived on demand by {@link #spec(SaId)}, only for SAs being installed; {@code requiredSas}
 * names, per policy, the SAs it must not be installed without. {@link #close()} zeroes every key
 * handed out.
 */
public final class DesiredXfrm implements AutoCloseable {

  private final Map<SaId, DesiredSa> sas;
  private final Map<PolicyId, Policy> policies;
  private final Map<PolicyId, Set<SaId>> requiredSas;
  private final Function<DesiredSa, SecretBytes> keys;
  private final Map<SaId, SecretBytes> derived;
  private final List<SecretBytes> handedOut = new ArrayList<>();
  private final Optional<SinceLastBuild> sinceLastBuild;

  /**
   * What a build changed against the one before it: the previous build's maps (read only), the
   * objects new in this build (every other object was taken over, the same object) and the ids of
   * the previous build's SAs this one no longer holds, in the previous build's order. Lets {@link
   * ChangePlanner} plan against that previous build by looking only at what is new.
   */
  public record SinceLastBuild(
      Map<SaId, DesiredSa> previousSas,
      Map<PolicyId, Policy> previousPolicies,
      List<NewSa> newSas,
      List<PolicyId> newPolicies,
      List<SaId> droppedSas) {

    /** The ids of {@link #newSas}, in build order. */
    public List<SaId> newSaIds() {
      return newSas.stream().map(n -> n.sa().id()).toList();
    }
  }

  /**
   * An SA object new in this build, with what the previous build held under its id (null if
   * nothing): the builder looked it up anyway, so the planner need not look again.
   */
  public record NewSa(DesiredSa sa, DesiredSa previous) {}

  /** From maps the caller keeps: copied. */
  public DesiredXfrm(
      Map<SaId, DesiredSa> sas,
      Map<PolicyId, Policy> policies,
      Map<PolicyId, Set<SaId>> requiredSas,
      Function<DesiredSa, SecretBytes> keys) {
    this(
        new LinkedHashMap<>(sas),
        new LinkedHashMap<>(policies),
        new HashMap<>(requiredSas),
        keys,
        new HashMap<>(),
        Optional.empty());
  }

  /**
   * Takes the maps as they are, without copying: for {@link DesiredXfrmBuilder}, which made them
   * for this object alone. At a thousand peers the copies were a tenth of an agent's pass.
   *
   * @param derived keys already derived while building (to fingerprint them), handed out by {@link
   *     #spec} instead of deriving them again; owned from now on
   */
  private DesiredXfrm(
      Map<SaId, DesiredSa> sas,
      Map<PolicyId, Policy> policies,
      Map<PolicyId, Set<SaId>> requiredSas,
      Function<DesiredSa, SecretBytes> keys,
      Map<SaId, SecretBytes> derived,
      Optional<SinceLastBuild> sinceLastBuild) {
    this.sas = Collections.unmodifiableMap(sas);
    this.sinceLastBuild = sinceLastBuild;
    this.policies = Collections.unmodifiableMap(policies);
    this.requiredSas = Collections.unmodifiableMap(requiredSas);
    this.keys = keys;
    this.derived = derived;
    handedOut.addAll(derived.values());
  }

  /**
   * Owns the given maps from now on: the caller never changes them again (the builder still reads
   * them, to take unchanged objects over in its next build).
   */
  static DesiredXfrm owning(
      Map<SaId, DesiredSa> sas,
      Map<PolicyId, Policy> policies,
      Map<PolicyId, Set<SaId>> requiredSas,
      Function<DesiredSa, SecretBytes> keys,
      Map<SaId, SecretBytes> derived,
      SinceLastBuild sinceLastBuild) {
    return new DesiredXfrm(sas, policies, requiredSas, keys, derived, Optional.of(sinceLastBuild));
  }

  public Map<SaId, DesiredSa> sas() {
    return sas;
  }

  public Map<PolicyId, Policy> policies() {
    return policies;
  }

  /** What changed since the builder's previous build; empty when not made by a builder. */
  public Optional<SinceLastBuild> sinceLastBuild() {
    return sinceLastBuild;
  }

  public Set<SaId> requiredBy(PolicyId policy) {
    return requiredSas.getOrDefault(policy, Set.of());
  }

  /** The installable SA, its key derived now; zeroed by {@link #close()}. */
  public SaSpec spec(SaId id) {
    DesiredSa sa = sas.get(id);
    if (sa == null) {
      throw new IllegalArgumentException("no desired SA " + id);
    }
    return spec(sa);
  }

  /**
   * As {@link #spec(SaId)} for {@code sa}, which the caller knows is this object's own (the
   * planner, which has it in hand): no lookup.
   */
  synchronized SaSpec spec(DesiredSa sa) {
    SecretBytes key = derived.remove(sa.id());
    if (key == null) {
      key = keys.apply(sa);
      handedOut.add(key);
    }
    return sa.withKey(key);
  }

  @Override
  public synchronized void close() {
    handedOut.forEach(SecretBytes::close);
    handedOut.clear();
    derived.clear();
  }
}
