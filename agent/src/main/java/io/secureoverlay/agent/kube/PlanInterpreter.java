package io.secureoverlay.agent.kube;

import io.fabric8.kubernetes.api.model.Secret;
import io.secureoverlay.agent.reconcile.ClusterIntent;
import io.secureoverlay.agent.reconcile.NodeDesiredState;
import io.secureoverlay.crypto.KeyFingerprints;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.protocol.AgentPlanView;
import io.secureoverlay.protocol.KeyRing;
import io.secureoverlay.protocol.KeysSecretCodec;
import io.secureoverlay.protocol.KeysSecretFormatException;
import io.secureoverlay.protocol.SecureOverlay;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns what the agent watches into what it does, following {@code docs/design/plan-protocol.md}
 * (section 2.2) through the master's {@link io.secureoverlay.protocol.AgentPlanView}. Pure: no I/O,
 * no clock. Beyond the protocol's mapping it checks what the agent cannot take on trust: every
 * row's underlay address is an IPv4 literal, and the keys Secret holds every listed epoch with the
 * fingerprint the plan shows; otherwise the agent holds (keeps its data plane as it is) and says
 * why.
 */
public final class PlanInterpreter {

  private final KeysSecretCodec codec = new KeysSecretCodec();
  private final PlanCache cache;

  public PlanInterpreter() {
    this(new PlanCache());
  }

  /** With a cache shared by the agents of one process that share a watch. */
  public PlanInterpreter(PlanCache cache) {
    this.cache = cache;
  }

  public AgentDirective interpret(ClusterSnapshot snapshot, String nodeName) {
    if (!snapshot.synced()) {
      return new AgentDirective.Hold("waiting for the first list of every watch", false, none());
    }
    if (snapshot.overlay().isEmpty()) {
      return new AgentDirective.Hold(
          "no SecureOverlay " + SecureOverlay.SINGLETON_NAME, false, none());
    }
    Optional<PlanContext> read;
    try {
      read = PlanContext.of(snapshot.overlay().get().getStatus(), nodeName, cache);
    } catch (PlanException e) {
      return new AgentDirective.Hold("plan refused: " + e.getMessage(), true, none());
    }
    if (read.isEmpty()) {
      return new AgentDirective.Hold("the master has not published a plan yet", false, none());
    }
    PlanContext plan = read.get();
    if (plan.self().isEmpty()) {
      return new AgentDirective.RemoveAll("not listed in the plan", plan);
    }
    if (plan.view().inboundEpochs().isEmpty()) {
      return new AgentDirective.RemoveAll("the plan has no live epoch", plan);
    }
    return withKeys(snapshot.keys(), plan);
  }

  private AgentDirective withKeys(Optional<Secret> secret, PlanContext plan) {
    if (secret.isEmpty()) {
      return new AgentDirective.Hold(
          "keys Secret " + KeysSecretCodec.SECRET_NAME + " not found", true, Optional.of(plan));
    }
    KeyRing ring;
    try {
      ring = codec.decode(secret.get());
    } catch (KeysSecretFormatException e) {
      return new AgentDirective.Hold(
          "keys Secret refused: " + e.getMessage(), true, Optional.of(plan));
    }
    try {
      SortedMap<Long, SecretBytes> secrets = new TreeMap<>();
      Map<Long, String> fingerprints = new HashMap<>();
      plan.epochs().forEach(e -> fingerprints.put(e.number(), e.fingerprint()));
      for (long epoch : plan.view().inboundEpochs()) {
        if (!ring.epochs().contains(epoch)) {
          ring.close();
          return new AgentDirective.Hold(
              "keys Secret does not hold epoch " + epoch + " yet", false, Optional.of(plan));
        }
        SecretBytes s = ring.secret(epoch);
        String expected = fingerprints.get(epoch);
        String actual = KeyFingerprints.ofEpochSecret(s);
        if (expected != null && !expected.equals(actual)) {
          ring.close();
          return new AgentDirective.Hold(
              "epoch "
                  + epoch
                  + ": keys Secret fingerprint "
                  + actual
                  + " differs from the plan's "
                  + expected,
              false,
              Optional.of(plan));
        }
        secrets.put(epoch, s);
      }
      return new AgentDirective.Apply(intent(plan, ring, secrets), ring, plan);
    } catch (RuntimeException e) {
      ring.close();
      throw e;
    }
  }

  /** The plan's intent (section 2.2, one to one); its secrets stay owned by {@code ring}. */
  static ClusterIntent intent(
      PlanContext plan, KeyRing ring, SortedMap<Long, SecretBytes> secrets) {
    AgentPlanView view = plan.view();
    return new ClusterIntent(
        plan.listed(),
        ring.cipher(),
        ring.icv(),
        NodeDesiredState.DEFAULT_LIFETIMES,
        secrets,
        view.inboundEpochs(),
        view.outboundEpoch(),
        view.inboundReady(),
        view.enforcing(),
        view.encrypting());
  }

  private static Optional<PlanContext> none() {
    return Optional.empty();
  }
}
