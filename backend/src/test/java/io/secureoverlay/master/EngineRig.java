package io.secureoverlay.master;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.protocol.EpochStatus;
import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.protocol.SecureOverlaySpec;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.protocol.StatusCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Drives {@link PlanEngine} round by round with in-memory inputs: Node facts, agent reports written
 * by "ideal" agents (they report exactly what the plan asks of them), a keys Secret of fingerprints
 * and a clock the test moves.
 */
final class EngineRig {

  static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");

  final PlanEngine engine = new PlanEngine();
  final SecureOverlaySpec spec = new SecureOverlaySpec();
  final Map<String, NodeFact> nodes = new LinkedHashMap<>();
  final Map<String, SecureOverlayNodeStatus> reports = new LinkedHashMap<>();
  final List<PlanEvent> events = new ArrayList<>();
  KeysView keys = new KeysView.Absent();
  long generation = 1;
  Instant now = T0;
  SecureOverlayStatus status;
  PlanDecision last;
  Instant observingSince;

  EngineRig(int size) {
    for (int i = 1; i <= size; i++) {
      addNode(i);
    }
    spec.setAckTimeout("1m");
    spec.setRetireGracePeriod("30s");
    spec.setRotationInterval("1h");
  }

  void addNode(int i) {
    nodes.put("n" + i, new NodeFact("n" + i, "192.0.2." + i));
  }

  void specChanged() {
    generation++;
  }

  void advance(Duration d) {
    now = now.plus(d);
  }

  /** One round; key changes are applied to the fake Secret, the status is kept. */
  PlanDecision round() {
    last =
        engine.decide(
            new PlanInput(
                spec,
                generation,
                status,
                List.copyOf(nodes.values()),
                Map.copyOf(reports),
                keys,
                now,
                observingSince));
    last.keyChanges().forEach(this::applyKeys);
    status = last.status();
    events.addAll(last.events());
    return last;
  }

  private void applyKeys(KeyChange change) {
    TreeMap<Long, String> fingerprints =
        keys instanceof KeysView.Present p ? new TreeMap<>(p.fingerprints()) : new TreeMap<>();
    Cipher cipher = keys instanceof KeysView.Present p ? p.cipher() : null;
    IcvLength icv = keys instanceof KeysView.Present p ? p.icv() : null;
    if (change instanceof KeyChange.DropEpochs drop) {
      drop.epochs().forEach(fingerprints::remove);
    } else if (change instanceof KeyChange.CreateEpoch create) {
      if (fingerprints.isEmpty()) {
        cipher = create.cipher();
        icv = create.icv();
      }
      fingerprints.put(create.epoch(), "fp" + create.epoch());
    }
    keys = new KeysView.Present(cipher, icv, fingerprints);
  }

  /** Every named node reports having applied the current plan exactly. */
  void ack(String... names) {
    for (String name : names) {
      reports.put(name, ideal(name));
    }
  }

  void ackAll() {
    nodes.keySet().forEach(this::ack);
  }

  /**
   * Every node acknowledges, then a round, until the plan stops changing; timers up to ten minutes
   * ahead (a grace period, say) are waited out.
   */
  void settle() {
    for (int i = 0; i < 100; i++) {
      ackAll();
      round();
      if (!last.statusChanged() && last.keyChanges().isEmpty()) {
        Optional<Instant> wake = last.wakeAt();
        if (wake.isEmpty() || wake.get().isAfter(now.plus(Duration.ofMinutes(10)))) {
          return;
        }
        now = wake.get();
      }
    }
    throw new AssertionError("did not settle: " + status.getTransition());
  }

  /** What a correct agent reports for the current plan. */
  SecureOverlayNodeStatus ideal(String name) {
    return IdealReports.of(status, name);
  }

  IndexedNode row(String name) {
    return status.getNodes().stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + name));
  }

  EpochStatus epoch(long number) {
    return status.getEpochs().stream()
        .filter(e -> e.number() == number)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no epoch " + number));
  }

  StatusCondition condition(String type) {
    return status.getConditions().stream()
        .filter(c -> c.type().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no condition " + type));
  }

  List<String> reasons() {
    return events.stream().map(PlanEvent::reason).toList();
  }

  String step() {
    return status.getTransition() == null ? null : status.getTransition().step();
  }

  /** Enables on every node with every node acknowledging promptly. */
  void enable() {
    spec.setEnabled(true);
    specChanged();
    settle();
  }
}
