package io.secureoverlay.agent.plan;

import io.secureoverlay.crypto.KeyFingerprints;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.master.KeyChange;
import io.secureoverlay.master.KeysView;
import io.secureoverlay.master.NodeFact;
import io.secureoverlay.master.PlanDecision;
import io.secureoverlay.master.PlanEngine;
import io.secureoverlay.master.PlanEvent;
import io.secureoverlay.master.PlanInput;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.protocol.SecureOverlaySpec;
import io.secureoverlay.protocol.SecureOverlayStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The master over an in-memory "API server": the spec, the status it writes, the reports agents
 * write and the keys Secret, with {@link PlanEngine} deciding each round exactly as the runtime
 * does, key changes first.
 */
final class SimMaster {

  final SecureOverlaySpec spec = new SecureOverlaySpec();
  final Map<String, NodeFact> facts = new LinkedHashMap<>();
  final List<PlanEvent> events = new ArrayList<>();
  private final PlanEngine engine = new PlanEngine();
  private final Clock clock;
  private final Random random;
  private final Map<String, SecureOverlayNodeStatus> reports = new LinkedHashMap<>();
  private final SortedMap<Long, SecretBytes> secrets = new TreeMap<>();
  private Cipher cipher;
  private IcvLength icv;
  private SecureOverlayStatus status;
  private long generation = 1;
  private boolean reportsChanged = true;
  int statusWrites;
  int maxSecretEpochs;
  int maxPlanEpochs;
  PlanDecision last;

  SimMaster(Clock clock, long seed) {
    this.clock = clock;
    this.random = new Random(seed);
    spec.setRetireGracePeriod("10s");
    spec.setAckTimeout("2m");
  }

  /** The operator edits the spec: a new generation. */
  void specChanged() {
    generation++;
    reportsChanged = true;
  }

  SecureOverlayStatus status() {
    return status;
  }

  Map<String, SecureOverlayNodeStatus> reports() {
    return Collections.unmodifiableMap(reports);
  }

  void report(String node, SecureOverlayNodeStatus report) {
    reports.put(node, report);
    reportsChanged = true;
  }

  void forget(String node) {
    reports.remove(node);
    reportsChanged = true;
  }

  Cipher cipher() {
    return cipher;
  }

  IcvLength icv() {
    return icv;
  }

  SortedMap<Long, SecretBytes> secrets() {
    return Collections.unmodifiableSortedMap(secrets);
  }

  /** Whether a round could decide something new (input changed, or its last round acted). */
  boolean pending() {
    return reportsChanged || last == null || last.statusChanged() || !last.keyChanges().isEmpty();
  }

  PlanDecision round() {
    reportsChanged = false;
    PlanInput input =
        new PlanInput(
            spec,
            generation,
            status,
            List.copyOf(facts.values()),
            Map.copyOf(reports),
            keysView(),
            clock.instant());
    PlanDecision d = engine.decide(input);
    for (KeyChange change : d.keyChanges()) {
      apply(change);
    }
    if (d.statusChanged()) {
      status = d.status();
      statusWrites++;
    }
    events.addAll(d.events());
    maxSecretEpochs = Math.max(maxSecretEpochs, secrets.size());
    maxPlanEpochs = Math.max(maxPlanEpochs, status.getEpochs().size());
    last = d;
    return d;
  }

  private KeysView keysView() {
    if (cipher == null) {
      return new KeysView.Absent();
    }
    SortedMap<Long, String> fingerprints = new TreeMap<>();
    secrets.forEach((e, s) -> fingerprints.put(e, KeyFingerprints.ofEpochSecret(s)));
    return new KeysView.Present(cipher, icv, fingerprints);
  }

  private void apply(KeyChange change) {
    if (change instanceof KeyChange.DropEpochs drop) {
      for (long e : drop.epochs()) {
        SecretBytes s = secrets.remove(e);
        if (s != null) {
          s.close();
        }
      }
    } else if (change instanceof KeyChange.CreateEpoch create) {
      if (secrets.isEmpty()) {
        cipher = create.cipher();
        icv = create.icv();
      } else if (cipher != create.cipher() || icv != create.icv()) {
        throw new AssertionError("CreateEpoch with another cipher while epochs are stored");
      }
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      secrets.put(create.epoch(), SecretBytes.wrap(bytes));
    }
  }

  void close() {
    secrets.values().forEach(SecretBytes::close);
  }
}
