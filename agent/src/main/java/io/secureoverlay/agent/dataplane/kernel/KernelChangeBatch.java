package io.secureoverlay.agent.dataplane.kernel;

import io.secureoverlay.agent.dataplane.ChangeResult;
import io.secureoverlay.agent.dataplane.ChangeResult.Status;
import io.secureoverlay.agent.dataplane.DataplaneChange;
import io.secureoverlay.agent.dataplane.DataplaneChange.AddPolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.AddSa;
import io.secureoverlay.agent.dataplane.DataplaneChange.DeletePolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.DeleteSa;
import io.secureoverlay.agent.dataplane.DataplaneChange.UpdatePolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.UpdateSa;
import io.secureoverlay.agent.dataplane.OwnedReqids;
import io.secureoverlay.agent.dataplane.PolicyId;
import io.secureoverlay.agent.dataplane.SaId;
import io.secureoverlay.agent.dataplane.SaSpec;
import io.secureoverlay.agent.netlink.NetlinkException;
import io.secureoverlay.agent.netlink.RequestResult;
import io.secureoverlay.agent.xfrm.XfrmOperation;
import io.secureoverlay.agent.xfrm.XfrmOwnership;
import io.secureoverlay.agent.xfrm.XfrmPolicyEntry;
import io.secureoverlay.agent.xfrm.XfrmStateEntry;
import io.secureoverlay.agent.xfrm.client.XfrmClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code apply}: vets each change, then sends the survivors as netlink batches.
 *
 * <p>The kernel alone would let an update or delete reach a foreign entry, and would let an update
 * create a policy; so every update and delete first looks at what is installed under its identity:
 * nothing there is NOT_FOUND, a foreign entry NOT_OWNED, an SA whose key, addresses or reqid would
 * have to change in place INVALID (the kernel would keep the old key and say nothing). The look is
 * one dump of each table per apply; an identity an earlier change of the same apply touched is
 * looked up live, after the changes before it were sent.
 */
final class KernelChangeBatch {

  private final XfrmClient client;
  private final List<? extends DataplaneChange> changes;
  private final ChangeResult[] results;
  private final List<Integer> pendingIndexes = new ArrayList<>();
  private final List<XfrmOperation> pendingOperations = new ArrayList<>();
  private final Set<Object> touched = new HashSet<>();
  private Map<SaId, XfrmStateEntry> installedSas;
  private Map<PolicyId, XfrmPolicyEntry> installedPolicies;

  KernelChangeBatch(XfrmClient client, List<? extends DataplaneChange> changes) {
    this.client = client;
    this.changes = changes;
    this.results = new ChangeResult[changes.size()];
  }

  List<ChangeResult> run() {
    for (int i = 0; i < changes.size(); i++) {
      DataplaneChange change = changes.get(i);
      try {
        Optional<ChangeResult> refused = vet(change);
        if (refused.isPresent()) {
          results[i] = refused.get();
        } else {
          pendingIndexes.add(i);
          pendingOperations.add(operation(change));
        }
      } catch (NetlinkException e) {
        results[i] = KernelChangeResults.failed(change, e);
      } catch (IllegalArgumentException | IllegalStateException e) {
        // model validation or a key that was already zeroed: nothing reached the kernel
        results[i] = ChangeResult.failed(change, Status.INVALID, e.getMessage());
      }
      touched.add(identity(change));
    }
    flush();
    return List.of(results);
  }

  private Optional<ChangeResult> vet(DataplaneChange change) {
    if (change instanceof AddSa add) {
      return requireOwnedReqid(change, add.sa().reqid());
    }
    if (change instanceof AddPolicy add) {
      return requireOwnedReqid(change, add.policy().template().reqid());
    }
    if (change instanceof UpdateSa update) {
      return requireOwnedReqid(change, update.sa().reqid())
          .or(() -> checkInstalledSa(change, update.sa().id()))
          .or(() -> requireSameSa(change, update.sa()));
    }
    if (change instanceof DeleteSa delete) {
      return checkInstalledSa(change, delete.id());
    }
    if (change instanceof UpdatePolicy update) {
      return requireOwnedReqid(change, update.policy().template().reqid())
          .or(() -> checkInstalledPolicy(change, update.policy().id()));
    }
    if (change instanceof DeletePolicy delete) {
      return checkInstalledPolicy(change, delete.id());
    }
    throw new IllegalArgumentException("unknown change " + change.describe());
  }

  private static Optional<ChangeResult> requireOwnedReqid(DataplaneChange change, int reqid) {
    if (OwnedReqids.isOwned(reqid)) {
      return Optional.empty();
    }
    return Optional.of(
        ChangeResult.failed(
            change,
            Status.INVALID,
            "reqid " + OwnedReqids.format(reqid) + " is not a SecureOverlay reqid"));
  }

  private Optional<ChangeResult> checkInstalledSa(DataplaneChange change, SaId id) {
    Optional<XfrmStateEntry> installed = installedSa(id);
    if (installed.isEmpty()) {
      return Optional.of(ChangeResult.failed(change, Status.NOT_FOUND, "no SA " + id));
    }
    if (!XfrmOwnership.owns(installed.get())) {
      return Optional.of(
          ChangeResult.failed(
              change,
              Status.NOT_OWNED,
              "SA " + id + " has foreign reqid " + OwnedReqids.format(installed.get().reqid())));
    }
    return Optional.empty();
  }

  private Optional<ChangeResult> requireSameSa(DataplaneChange change, SaSpec wanted) {
    XfrmStateEntry installed = installedSa(wanted.id()).orElseThrow();
    boolean same =
        installed.source().equals(wanted.source())
            && installed.reqid() == wanted.reqid()
            && installed.selector().equals(XfrmDataplaneMapping.toSelector(wanted.selector()))
            && installed.aead().isPresent()
            && installed.aead().get().icvBits() == wanted.icv().bits()
            && installed.aead().get().keyBits() == wanted.cipher().keyWithSaltBytes() * 8
            && installed.aead().get().keyFingerprint().equals(wanted.key().fingerprint());
    if (same) {
      return Optional.empty();
    }
    return Optional.of(
        ChangeResult.failed(
            change,
            Status.INVALID,
            "only the lifetimes of a live SA change in place; replace "
                + wanted.id()
                + " by delete and add"));
  }

  private Optional<ChangeResult> checkInstalledPolicy(DataplaneChange change, PolicyId id) {
    Optional<XfrmPolicyEntry> installed = installedPolicy(id);
    if (installed.isEmpty()) {
      return Optional.of(ChangeResult.failed(change, Status.NOT_FOUND, "no policy " + id));
    }
    if (!XfrmOwnership.owns(installed.get())) {
      return Optional.of(
          ChangeResult.failed(
              change, Status.NOT_OWNED, "policy " + id + " has a foreign template reqid"));
    }
    return Optional.empty();
  }

  private Optional<XfrmStateEntry> installedSa(SaId id) {
    if (touched.contains(id)) {
      flush();
      return client.getState(XfrmDataplaneMapping.toKey(id));
    }
    if (installedSas == null) {
      installedSas = new HashMap<>();
      for (XfrmStateEntry e : client.states()) {
        XfrmDataplaneMapping.saIdOf(e).ifPresent(saId -> installedSas.put(saId, e));
      }
    }
    return Optional.ofNullable(installedSas.get(id));
  }

  private Optional<XfrmPolicyEntry> installedPolicy(PolicyId id) {
    if (touched.contains(id)) {
      flush();
      return client.getPolicy(XfrmDataplaneMapping.toPolicyId(id));
    }
    if (installedPolicies == null) {
      installedPolicies = new HashMap<>();
      for (XfrmPolicyEntry e : client.policies()) {
        XfrmDataplaneMapping.policyIdOf(e).ifPresent(pid -> installedPolicies.put(pid, e));
      }
    }
    return Optional.ofNullable(installedPolicies.get(id));
  }

  private static XfrmOperation operation(DataplaneChange change) {
    if (change instanceof AddSa add) {
      return new XfrmOperation.AddState(XfrmDataplaneMapping.toState(add.sa()));
    } else if (change instanceof UpdateSa update) {
      return new XfrmOperation.UpdateState(XfrmDataplaneMapping.toState(update.sa()));
    } else if (change instanceof DeleteSa delete) {
      return new XfrmOperation.DeleteState(XfrmDataplaneMapping.toKey(delete.id()));
    } else if (change instanceof AddPolicy add) {
      return new XfrmOperation.AddPolicy(XfrmDataplaneMapping.toPolicy(add.policy()));
    } else if (change instanceof UpdatePolicy update) {
      return new XfrmOperation.UpdatePolicy(XfrmDataplaneMapping.toPolicy(update.policy()));
    } else if (change instanceof DeletePolicy delete) {
      return new XfrmOperation.DeletePolicy(XfrmDataplaneMapping.toPolicyId(delete.id()));
    }
    throw new IllegalArgumentException("unknown change " + change.describe());
  }

  private static Object identity(DataplaneChange change) {
    if (change instanceof AddSa add) {
      return add.sa().id();
    } else if (change instanceof UpdateSa update) {
      return update.sa().id();
    } else if (change instanceof DeleteSa delete) {
      return delete.id();
    } else if (change instanceof AddPolicy add) {
      return add.policy().id();
    } else if (change instanceof UpdatePolicy update) {
      return update.policy().id();
    } else if (change instanceof DeletePolicy delete) {
      return delete.id();
    }
    throw new IllegalArgumentException("unknown change " + change.describe());
  }

  /** Sends the changes vetted so far and records their results. */
  private void flush() {
    if (pendingOperations.isEmpty()) {
      return;
    }
    List<RequestResult> sent = client.apply(pendingOperations);
    for (int k = 0; k < sent.size(); k++) {
      int index = pendingIndexes.get(k);
      DataplaneChange change = changes.get(index);
      results[index] =
          sent.get(k)
              .failure()
              .map(e -> KernelChangeResults.failed(change, e))
              .orElseGet(() -> ChangeResult.ok(change));
    }
    pendingIndexes.clear();
    pendingOperations.clear();
  }
}
