package io.secureoverlay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.secureoverlay.protocol.Conditions;
import io.secureoverlay.protocol.KeysSecretCodec;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.protocol.StatusCondition;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Input an operator (or an accident) gets wrong: the master refuses it with a condition and an
 * event naming the field, agents keep their data planes, and once the input is fixed everything
 * carries on.
 */
class BadInputMockTest {

  @Test
  void aMalformedKeysSecretIsRefusedAndNoNodeChanges() {
    try (SandboxRun run = NodeChurnMockTest.enabled(6)) {
      SandboxCluster cluster = run.cluster;
      Secret good = keys(cluster);
      long revision = cluster.overlay().getStatus().getPlanRevision();
      Map<String, List<Object>> before = run.dataplanes();

      Secret bad =
          new SecretBuilder(good)
              .addToData("icvBits", base64("65"))
              .editMetadata()
              .withResourceVersion(null)
              .endMetadata()
              .build();
      cluster.client().secrets().resource(bad).update();

      awaitDegraded(cluster, "KeysSecretInvalid", "data.icvBits");
      assertThat(warning(cluster, "KeysSecretInvalid").getMessage()).contains("data.icvBits");
      run.rounds(100);
      assertThat(run.dataplanes()).isEqualTo(before);
      assertThat(cluster.overlay().getStatus().getPlanRevision()).isEqualTo(revision);
      assertThat(cluster.traffic().takeInterval().lost()).isZero();

      Secret fixed =
          new SecretBuilder(good).editMetadata().withResourceVersion(null).endMetadata().build();
      cluster.client().secrets().resource(fixed).update();
      run.settle("keys Secret fixed");
      cluster.rotateNow();
      run.settle("rotation after the fix");
      run.assertNothingLostInTotal();
    }
  }

  @Test
  void anInvalidSpecIsRefusedNamingTheFieldAndNoNodeChanges() {
    try (SandboxRun run = NodeChurnMockTest.enabled(6)) {
      SandboxCluster cluster = run.cluster;
      long revision = cluster.overlay().getStatus().getPlanRevision();
      Map<String, List<Object>> before = run.dataplanes();

      cluster.editSpec(s -> s.setIcvBits(65));

      awaitDegraded(cluster, "InvalidSpec", "spec.icvBits");
      assertThat(warning(cluster, "InvalidSpec").getMessage()).contains("spec.icvBits");
      run.rounds(100);
      assertThat(run.dataplanes()).isEqualTo(before);
      assertThat(cluster.overlay().getStatus().getPlanRevision()).isEqualTo(revision);

      cluster.editSpec(s -> s.setIcvBits(64));
      run.settle("spec fixed");
      run.assertNothingLostInTotal();
    }
  }

  static Secret keys(SandboxCluster cluster) {
    return cluster
        .client()
        .secrets()
        .inNamespace(KeysSecretCodec.NAMESPACE)
        .withName(KeysSecretCodec.SECRET_NAME)
        .get();
  }

  private static void awaitDegraded(SandboxCluster cluster, String reason, String field) {
    await()
        .atMost(SandboxRun.CONVERGE)
        .untilAsserted(
            () -> {
              SecureOverlayStatus status = cluster.overlay().getStatus();
              StatusCondition degraded =
                  Conditions.find(status.getConditions(), StatusCondition.DEGRADED).orElseThrow();
              assertThat(degraded.isTrue()).isTrue();
              assertThat(degraded.reason()).isEqualTo(reason);
              assertThat(degraded.message()).contains(field);
            });
  }

  private static Event warning(SandboxCluster cluster, String reason) {
    await()
        .atMost(SandboxRun.CONVERGE)
        .until(() -> cluster.events().stream().anyMatch(e -> reason.equals(e.getReason())));
    Event event =
        cluster.events().stream()
            .filter(e -> reason.equals(e.getReason()))
            .findFirst()
            .orElseThrow();
    assertThat(event.getType()).isEqualTo("Warning");
    return event;
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
