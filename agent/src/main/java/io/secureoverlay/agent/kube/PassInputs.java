package io.secureoverlay.agent.kube;

import io.fabric8.kubernetes.api.model.Secret;
import io.secureoverlay.protocol.EpochStatus;
import io.secureoverlay.protocol.KeysSecretCodec;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.SecureOverlayStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a pass depends on, compared to skip passes that could change nothing: the plan revision (not
 * the object's resourceVersion, which moves with every bookkeeping write of the master), the spec
 * generation and the Node's resourceVersion (which only the status shows), and a digest of the
 * parts of the keys Secret the plan uses (cipher, ICV length and the secrets of the plan's epochs:
 * the master adds the next epoch's secret before the plan refers to it, which changes nothing yet).
 * The digest is SHA-256 over high-entropy secrets; it is never shown anywhere.
 */
record PassInputs(
    boolean synced, Long planRevision, Long specGeneration, String keysDigest, String nodeVersion) {

  static final PassInputs NONE = new PassInputs(false, null, null, null, null);

  static PassInputs of(ClusterSnapshot s) {
    Optional<SecureOverlayStatus> status = s.overlay().map(SecureOverlay::getStatus);
    return new PassInputs(
        s.synced(),
        status.map(SecureOverlayStatus::getPlanRevision).orElse(null),
        s.overlay().map(o -> o.getMetadata().getGeneration()).orElse(null),
        s.keys().map(k -> keysDigest(k, status)).orElse(null),
        s.node().map(n -> n.getMetadata().getResourceVersion()).orElse(null));
  }

  /** Equal in everything a reconcile depends on, apart from the plan itself. */
  boolean sameForReconcile(PassInputs other) {
    return synced == other.synced && Objects.equals(keysDigest, other.keysDigest);
  }

  private static String keysDigest(Secret secret, Optional<SecureOverlayStatus> status) {
    Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      update(sha, data.get(KeysSecretCodec.CIPHER));
      update(sha, data.get(KeysSecretCodec.ICV_BITS));
      if (status.isPresent() && status.get().getEpochs() != null) {
        for (EpochStatus e : status.get().getEpochs()) {
          update(sha, data.get(KeysSecretCodec.EPOCH_PREFIX + e.number()));
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private static void update(MessageDigest sha, String value) {
    sha.update((value == null ? "-" : value).getBytes(StandardCharsets.US_ASCII));
    sha.update((byte) 0);
  }

  @Override
  public String toString() {
    return "PassInputs[synced=" + synced + ", planRevision=" + planRevision + "]";
  }
}
