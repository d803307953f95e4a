package io.secureoverlay.agent.dataplane;

import io.secureoverlay.agent.collect.CompactOrderedMap;
import io.secureoverlay.agent.dataplane.ChangeResult.Status;
import io.secureoverlay.agent.dataplane.DataplaneChange.AddPolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.AddSa;
import io.secureoverlay.agent.dataplane.DataplaneChange.DeletePolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.DeleteSa;
import io.secureoverlay.agent.dataplane.DataplaneChange.UpdatePolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.UpdateSa;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One node's SAD and SPD in memory, with the kernel's rules: one SA per (daddr, spi, proto), one
 * policy per (selector, direction), EEXIST on a duplicate add, ENOENT on changing something absent,
 * a live SA's key and algorithm fixed for its life. Foreign objects (reqids outside {@link
 * OwnedReqids}) can be seeded to stand for another IPsec user's state: they take part in traffic
 * but are never reported or changed through {@link Dataplane}.
 *
 * <p>{@link SimulatedNetwork} moves packets through it. All methods are thread-safe: the sandbox
 * runs agents and traffic on several threads.
 */
public final class SimulatedDataplane implements Dataplane {

  private final CompactOrderedMap<SaId, SimulatedSa> sas = new CompactOrderedMap<>();
  private final SaTemplateIndex templateIndex = new SaTemplateIndex();
  private final SimulatedPolicyTable policies = new SimulatedPolicyTable();
  private final Map<String, Long> statistics = new TreeMap<>();

  @Override
  public synchronized List<SaState> dumpSas() {
    List<SaState> out = new ArrayList<>(sas.size());
    sas.forEachValue(
        sa -> {
          if (sa.owned()) {
            out.add(sa.snapshot());
          }
        });
    return out;
  }

  @Override
  public synchronized void forEachSa(Consumer<? super InstalledSaView> visitor) {
    sas.forEachValue(
        sa -> {
          if (sa.owned()) {
            visitor.accept(sa);
          }
        });
  }

  @Override
  public synchronized Optional<SaState> getSa(SaId id) {
    SimulatedSa sa = sas.get(id);
    return sa != null && sa.owned() ? Optional.of(sa.snapshot()) : Optional.empty();
  }

  @Override
  public synchronized List<Policy> dumpPolicies() {
    return policies.all().stream().filter(SimulatedDataplane::owned).toList();
  }

  @Override
  public synchronized void forEachPolicy(Consumer<? super Policy> visitor) {
    policies.forEach(
        p -> {
          if (owned(p)) {
            visitor.accept(p);
          }
        });
  }

  @Override
  public synchronized Optional<Policy> getPolicy(PolicyId id) {
    return policies.get(id).filter(SimulatedDataplane::owned);
  }

  @Override
  public synchronized List<ChangeResult> apply(List<? extends DataplaneChange> changes) {
    List<ChangeResult> results = new ArrayList<>(changes.size());
    for (DataplaneChange change : changes) {
      results.add(applyOne(change));
    }
    return results;
  }

  @Override
  public synchronized Map<String, Long> xfrmStatistics() {
    return Map.copyOf(statistics);
  }

  /** Installs a foreign SA, as another IPsec user would; its reqid must not be owned. */
  public synchronized void seedForeignSa(SaSpec spec) {
    requireForeign(spec.reqid());
    if (sas.containsKey(spec.id())) {
      throw new IllegalStateException("an SA " + spec.id() + " is already installed");
    }
    insert(spec);
  }

  /** Installs a foreign policy, as another IPsec user would; its reqid must not be owned. */
  public synchronized void seedForeignPolicy(Policy policy) {
    requireForeign(policy.template().reqid());
    if (policies.get(policy.id()).isPresent()) {
      throw new IllegalStateException("a policy " + policy.id() + " is already installed");
    }
    policies.put(policy);
  }

  /** Every SA, foreign ones included, as {@code ip xfrm state} would list them. */
  public synchronized List<SaState> allSas() {
    return sas.values().stream().map(SimulatedSa::snapshot).toList();
  }

  /** Every policy, foreign ones included, as {@code ip xfrm policy} would list them. */
  public synchronized List<Policy> allPolicies() {
    return List.copyOf(policies.all());
  }

  private ChangeResult applyOne(DataplaneChange change) {
    if (change instanceof AddSa add) {
      return addSa(change, add.sa());
    } else if (change instanceof UpdateSa update) {
      return updateSa(change, update.sa());
    } else if (change instanceof DeleteSa delete) {
      return deleteSa(change, delete.id());
    } else if (change instanceof AddPolicy add) {
      return addPolicy(change, add.policy());
    } else if (change instanceof UpdatePolicy update) {
      return updatePolicy(change, update.policy());
    } else if (change instanceof DeletePolicy delete) {
      return deletePolicy(change, delete.id());
    }
    throw new IllegalArgumentException("unknown change " + change.getClass().getSimpleName());
  }

  private ChangeResult addSa(DataplaneChange change, SaSpec spec) {
    if (!OwnedReqids.isOwned(spec.reqid())) {
      return ChangeResult.failed(change, Status.INVALID, "reqid not in the owned range");
    }
    if (sas.containsKey(spec.id())) {
      return ChangeResult.failed(change, Status.EXISTS, "EEXIST");
    }
    if (spec.key().isDestroyed()) {
      return ChangeResult.failed(change, Status.INVALID, "key material already destroyed");
    }
    insert(spec);
    return ChangeResult.ok(change);
  }

  private ChangeResult updateSa(DataplaneChange change, SaSpec spec) {
    SimulatedSa existing = sas.get(spec.id());
    if (existing == null) {
      return ChangeResult.failed(change, Status.NOT_FOUND, "ESRCH");
    }
    if (!existing.owned()) {
      return ChangeResult.failed(change, Status.NOT_OWNED, "foreign SA");
    }
    if (spec.key().isDestroyed() || !existing.sameImmutableFields(spec)) {
      return ChangeResult.failed(
          change, Status.INVALID, "only the lifetimes of a live SA can change");
    }
    existing.setLifetimes(spec.lifetimes());
    return ChangeResult.ok(change);
  }

  private ChangeResult deleteSa(DataplaneChange change, SaId id) {
    SimulatedSa existing = sas.get(id);
    if (existing == null) {
      return ChangeResult.failed(change, Status.NOT_FOUND, "ESRCH");
    }
    if (!existing.owned()) {
      return ChangeResult.failed(change, Status.NOT_OWNED, "foreign SA");
    }
    remove(existing);
    return ChangeResult.ok(change);
  }

  private ChangeResult addPolicy(DataplaneChange change, Policy policy) {
    if (!owned(policy)) {
      return ChangeResult.failed(change, Status.INVALID, "template reqid not in the owned range");
    }
    if (policies.get(policy.id()).isPresent()) {
      return ChangeResult.failed(change, Status.EXISTS, "EEXIST");
    }
    policies.put(policy);
    return ChangeResult.ok(change);
  }

  private ChangeResult updatePolicy(DataplaneChange change, Policy policy) {
    if (!owned(policy)) {
      return ChangeResult.failed(change, Status.INVALID, "template reqid not in the owned range");
    }
    Optional<Policy> existing = policies.get(policy.id());
    if (existing.isEmpty()) {
      return ChangeResult.failed(change, Status.NOT_FOUND, "ENOENT");
    }
    if (!owned(existing.get())) {
      return ChangeResult.failed(change, Status.NOT_OWNED, "foreign policy");
    }
    policies.put(policy);
    return ChangeResult.ok(change);
  }

  private ChangeResult deletePolicy(DataplaneChange change, PolicyId id) {
    Optional<Policy> existing = policies.get(id);
    if (existing.isEmpty()) {
      return ChangeResult.failed(change, Status.NOT_FOUND, "ENOENT");
    }
    if (!owned(existing.get())) {
      return ChangeResult.failed(change, Status.NOT_OWNED, "foreign policy");
    }
    policies.remove(id);
    return ChangeResult.ok(change);
  }

  // --- the packet path, used by SimulatedNetwork ---

  /**
   * What the kernel does with an IPIP packet this node sends: plaintext if no out policy selects
   * it; otherwise ESP through the SA the policy's template resolves to, or a drop if none does.
   */
  synchronized SimulatedPacket send(InetAddress self, InetAddress peer, int bytes) {
    Optional<Policy> policy =
        policies.lookup(self, peer, TrafficSelector.IPPROTO_IPIP, PolicyDirection.OUT);
    if (policy.isEmpty()) {
      return SimulatedPacket.plaintext(self, peer, bytes);
    }
    SimulatedSa sa = templateIndex.resolve(peer, self, policy.get().template());
    if (sa == null) {
      count("XfrmOutNoStates");
      return SimulatedPacket.dropped("XfrmOutNoStates");
    }
    if (sa.hardExpired()) {
      remove(sa);
      count("XfrmOutStateExpired");
      return SimulatedPacket.dropped("XfrmOutStateExpired");
    }
    sa.countTraffic(bytes);
    return SimulatedPacket.esp(self, peer, bytes, sa.spi(), sa.cipherSuite());
  }

  /**
   * What the kernel does with a packet arriving for this node: look the SA up by (daddr, spi,
   * proto), decrypt with its key, check its selector, then check the in policy's template.
   */
  synchronized Delivery receive(SimulatedPacket packet) {
    SimulatedSa sa = null;
    if (packet.encrypted()) {
      sa = sas.get(SaId.esp(packet.destination(), packet.spi()));
      if (sa == null) {
        return drop("XfrmInNoStates");
      }
      if (!sa.decrypts(packet.suite())) {
        sa.countIntegrityError();
        return drop("XfrmInStateProtoError");
      }
      if (!sa.selectorMatches(packet.source(), packet.destination())) {
        return drop("XfrmInStateMismatch");
      }
      if (sa.hardExpired()) {
        remove(sa);
        return drop("XfrmInStateExpired");
      }
      sa.countTraffic(packet.bytes());
    }
    Optional<Policy> policy =
        policies.lookup(
            packet.source(),
            packet.destination(),
            TrafficSelector.IPPROTO_IPIP,
            PolicyDirection.IN);
    if (policy.isPresent() && (sa == null || !sa.satisfies(policy.get().template()))) {
      return drop("XfrmInTmplMismatch");
    }
    return sa == null ? Delivery.PLAINTEXT : Delivery.ENCRYPTED;
  }

  private Delivery drop(String statistic) {
    count(statistic);
    return Delivery.dropped(statistic);
  }

  private void count(String statistic) {
    statistics.merge(statistic, 1L, Long::sum);
  }

  private void insert(SaSpec spec) {
    SimulatedSa sa = new SimulatedSa(spec);
    sas.put(spec.id(), sa);
    templateIndex.add(sa);
  }

  private void remove(SimulatedSa sa) {
    sas.remove(sa.id());
    templateIndex.remove(sa);
  }

  private static boolean owned(Policy policy) {
    return OwnedReqids.isOwned(policy.template().reqid());
  }

  private static void requireForeign(int reqid) {
    if (OwnedReqids.isOwned(reqid)) {
      throw new IllegalArgumentException(
          "reqid " + OwnedReqids.format(reqid) + " is owned: a foreign object needs another one");
    }
  }
}
