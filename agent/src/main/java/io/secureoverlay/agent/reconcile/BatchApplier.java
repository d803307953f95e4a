package io.secureoverlay.agent.reconcile;

import io.secureoverlay.agent.dataplane.ChangeResult;
import io.secureoverlay.agent.dataplane.ChangeResult.Status;
import io.secureoverlay.agent.dataplane.Dataplane;
import io.secureoverlay.agent.dataplane.DataplaneChange;
import io.secureoverlay.agent.dataplane.DataplaneChange.AddPolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.AddSa;
import io.secureoverlay.agent.dataplane.DataplaneChange.DeletePolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.DeleteSa;
import io.secureoverlay.agent.dataplane.DataplaneChange.UpdatePolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.UpdateSa;
import io.secureoverlay.agent.dataplane.SaState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends one batch and retries each failure once where a retry can succeed: an add that met EEXIST
 * (someone installed the object since the dump) becomes an atomic update for a policy, and for an
 * SA nothing if the installed one is already right, else delete-and-add; an update that met ENOENT
 * becomes an add. A delete that met ENOENT has reached its goal. Everything else is collected as a
 * failure; nothing aborts the batch.
 */
final class BatchApplier {

  /** Final results in order (retries in place of what they retried) and the failures among them. */
  record Outcome(List<ChangeResult> results, List<ChangeResult> failures) {}

  private final Dataplane dataplane;

  BatchApplier(Dataplane dataplane) {
    this.dataplane = dataplane;
  }

  Outcome apply(List<DataplaneChange> changes) {
    if (changes.isEmpty()) {
      return new Outcome(List.of(), List.of());
    }
    List<ChangeResult> first = dataplane.apply(changes);
    List<List<DataplaneChange>> retries = new ArrayList<>(first.size());
    List<DataplaneChange> retryBatch = new ArrayList<>();
    boolean[] alreadyRight = new boolean[first.size()];
    for (int i = 0; i < first.size(); i++) {
      ChangeResult result = first.get(i);
      alreadyRight[i] = !result.isOk() && installedAsWanted(result);
      List<DataplaneChange> retry = result.isOk() || alreadyRight[i] ? List.of() : retryFor(result);
      retries.add(retry);
      retryBatch.addAll(retry);
    }
    List<ChangeResult> retried = retryBatch.isEmpty() ? List.of() : dataplane.apply(retryBatch);
    List<ChangeResult> results = new ArrayList<>();
    List<ChangeResult> failures = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < first.size(); i++) {
      ChangeResult original = first.get(i);
      List<ChangeResult> outcome =
          retries.get(i).isEmpty()
              ? List.of(original)
              : retried.subList(next, next += retries.get(i).size());
      for (ChangeResult r : outcome) {
        results.add(r);
        if (!r.isOk() && !alreadyRight[i] && !isGoneAlready(r)) {
          failures.add(r);
        }
      }
    }
    return new Outcome(results, failures);
  }

  private List<DataplaneChange> retryFor(ChangeResult result) {
    DataplaneChange change = result.change();
    if (result.status() == Status.EXISTS && change instanceof AddPolicy add) {
      return List.of(new UpdatePolicy(add.policy()));
    }
    if (result.status() == Status.EXISTS && change instanceof AddSa add) {
      Optional<SaState> installed = dataplane.getSa(add.sa().id());
      if (installed.isPresent() && ChangePlanner.sameFixedFields(installed.get(), add.sa())) {
        return List.of(new UpdateSa(add.sa()));
      }
      return List.of(new DeleteSa(add.sa().id()), add);
    }
    if (result.status() == Status.NOT_FOUND && change instanceof UpdatePolicy update) {
      return List.of(new AddPolicy(update.policy()));
    }
    if (result.status() == Status.NOT_FOUND && change instanceof UpdateSa update) {
      return List.of(new AddSa(update.sa()));
    }
    return List.of();
  }

  /** An SA add that met EEXIST because the very SA wanted is installed: nothing to do. */
  private boolean installedAsWanted(ChangeResult result) {
    if (result.status() != Status.EXISTS || !(result.change() instanceof AddSa add)) {
      return false;
    }
    return dataplane
        .getSa(add.sa().id())
        .filter(sa -> ChangePlanner.sameFixedFields(sa, add.sa()))
        .filter(sa -> sa.lifetimes().equals(add.sa().lifetimes()))
        .isPresent();
  }

  /** A delete of something already gone has reached its goal. */
  private static boolean isGoneAlready(ChangeResult r) {
    boolean delete = r.change() instanceof DeleteSa || r.change() instanceof DeletePolicy;
    return delete && r.status() == Status.NOT_FOUND;
  }
}
