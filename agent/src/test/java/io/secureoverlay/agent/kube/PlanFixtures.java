package io.secureoverlay.agent.kube;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.secureoverlay.crypto.KeyFingerprints;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.protocol.EpochState;
import io.secureoverlay.protocol.EpochStatus;
import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.KeyRing;
import io.secureoverlay.protocol.KeysSecretCodec;
import io.secureoverlay.protocol.MemberState;
import io.secureoverlay.protocol.NodeSet;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.SecureOverlaySpec;
import io.secureoverlay.protocol.SecureOverlayStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plans as the master would publish them, for nodes node-1..node-N at 192.0.2.1..N with index i,
 * and the keys Secret for them. Epoch secrets are fixed bytes, so tests can look for them.
 */
final class PlanFixtures {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final int size;
  private final List<IndexedNode> rows = new ArrayList<>();
  private final List<EpochStatus> epochs = new ArrayList<>();
  private Long outbound;
  private NodeSet enforcing = NodeSet.empty();
  private long revision = 1;
  private Long ackRevision;

  PlanFixtures(int size) {
    this.size = size;
    for (int i = 1; i <= size; i++) {
      rows.add(new IndexedNode(name(i), i, "192.0.2." + i));
    }
  }

  static String name(int i) {
    return "node-" + i;
  }

  NodeSet all() {
    return NodeSet.range(1, size);
  }

  static byte[] secretBytes(long epoch) {
    byte[] b = new byte[32];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (epoch * 31 + i * 7 + 1);
    }
    return b;
  }

  static String fingerprint(long epoch) {
    try (SecretBytes s = SecretBytes.wrap(secretBytes(epoch))) {
      return KeyFingerprints.ofEpochSecret(s);
    }
  }

  PlanFixtures revision(long value) {
    revision = value;
    return this;
  }

  PlanFixtures ackRevision(long value) {
    ackRevision = value;
    return this;
  }

  PlanFixtures epoch(long number, NodeSet ready, NodeSet encrypting) {
    epochs.removeIf(e -> e.number() == number);
    epochs.add(
        new EpochStatus(number, EpochState.ACTIVE, T0, fingerprint(number), ready, encrypting));
    return this;
  }

  PlanFixtures noEpochs() {
    epochs.clear();
    return this;
  }

  PlanFixtures outbound(Long epoch) {
    outbound = epoch;
    return this;
  }

  PlanFixtures enforcing(NodeSet nodes) {
    enforcing = nodes;
    return this;
  }

  PlanFixtures state(int index, MemberState state) {
    rows.replaceAll(r -> r.index() == index ? r.withState(state, revision) : r);
    return this;
  }

  PlanFixtures underlay(int index, String ip) {
    rows.replaceAll(
        r ->
            r.index() == index
                ? new IndexedNode(r.name(), r.index(), ip, r.state(), r.revision(), null)
                : r);
    return this;
  }

  SecureOverlayStatus status() {
    SecureOverlayStatus s = new SecureOverlayStatus();
    s.setPlanRevision(revision);
    s.setAckRevision(ackRevision == null ? revision : ackRevision);
    s.setNodes(new ArrayList<>(rows));
    s.setEpochs(new ArrayList<>(epochs));
    s.setOutboundEpoch(outbound);
    s.setEnforcing(enforcing);
    return s;
  }

  SecureOverlay overlay() {
    SecureOverlay o = new SecureOverlay();
    o.getMetadata().setName(SecureOverlay.SINGLETON_NAME);
    o.getMetadata().setGeneration(1L);
    o.setSpec(new SecureOverlaySpec());
    o.setStatus(status());
    return o;
  }

  /** The keys Secret holding these epochs. */
  static Secret keys(long... epochs) {
    Map<Long, SecretBytes> secrets = new TreeMap<>();
    for (long e : epochs) {
      secrets.put(e, SecretBytes.wrap(secretBytes(e)));
    }
    try (KeyRing ring = new KeyRing(Cipher.AES_GCM_128, IcvLength.ICV_64, secrets)) {
      return new KeysSecretCodec().encode(ring);
    }
  }

  static Node node(int i) {
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name(i))
        .addToAnnotations(NodeAddresses.CALICO_IPV4_ANNOTATION, "192.0.2." + i + "/24")
        .endMetadata()
        .build();
  }
}
