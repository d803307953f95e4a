package io.secureoverlay.agent.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.secureoverlay.protocol.SecureOverlay;
import java.util.Optional;

/**
 * What a pass depends on, compared to skip passes that could change nothing: the plan revision (not
 * the object's resourceVersion, which moves with every bookkeeping write of the master), the spec
 * generation, and the resourceVersions of the keys Secret and the Node.
 */
record PassInputs(
    boolean synced,
    Long planRevision,
    Long specGeneration,
    String keysVersion,
    String nodeVersion) {

  static final PassInputs NONE = new PassInputs(false, null, null, null, null);

  static PassInputs of(ClusterSnapshot s) {
    Optional<SecureOverlay> overlay = s.overlay();
    return new PassInputs(
        s.synced(),
        overlay.map(SecureOverlay::getStatus).map(st -> st.getPlanRevision()).orElse(null),
        overlay.map(o -> o.getMetadata().getGeneration()).orElse(null),
        s.keys().map(PassInputs::version).orElse(null),
        s.node().map(PassInputs::version).orElse(null));
  }

  /** Equal but for the plan revision: only the plan moved. */
  boolean sameApartFromPlan(PassInputs other) {
    return synced == other.synced
        && java.util.Objects.equals(specGeneration, other.specGeneration)
        && java.util.Objects.equals(keysVersion, other.keysVersion)
        && java.util.Objects.equals(nodeVersion, other.nodeVersion);
  }

  private static String version(HasMetadata o) {
    return o.getMetadata().getResourceVersion();
  }
}
