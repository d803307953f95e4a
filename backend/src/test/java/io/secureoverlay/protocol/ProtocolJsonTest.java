package io.secureoverlay.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

/** The JSON the API server stores and kubectl shows, through fabric8's own (Jackson 3) mapper. */
class ProtocolJsonTest {

  private final KubernetesSerialization json = new KubernetesSerialization();

  @Test
  void overlayRoundTripsEveryField() {
    SecureOverlay overlay = ProtocolFixtures.overlay();
    overlay.setStatus(ProtocolFixtures.fullStatus());

    SecureOverlay back = json.unmarshal(json.asJson(overlay), SecureOverlay.class);

    assertThat(back.getSpec()).usingRecursiveComparison().isEqualTo(overlay.getSpec());
    assertThat(back.getStatus()).usingRecursiveComparison().isEqualTo(overlay.getStatus());
    assertThat(back.getApiVersion()).isEqualTo("secureoverlay.io/v1alpha1");
    assertThat(back.getKind()).isEqualTo("SecureOverlay");
  }

  @Test
  void nodeRoundTripsEveryField() {
    SecureOverlayNode node = ProtocolFixtures.node("node-a");
    node.setStatus(ProtocolFixtures.fullNodeStatus());

    SecureOverlayNode back = json.unmarshal(json.asJson(node), SecureOverlayNode.class);

    assertThat(back.getStatus()).usingRecursiveComparison().isEqualTo(node.getStatus());
  }

  @Test
  void statusIsWrittenTheWayKubectlUsersReadIt() {
    SecureOverlay overlay = ProtocolFixtures.overlay();
    overlay.setStatus(ProtocolFixtures.fullStatus());

    String text = json.asJson(overlay);

    assertThat(text)
        .contains("\"phase\":\"Rotating\"")
        .contains("\"state\":\"InboundReady\"")
        .contains("\"kind\":\"Rotate\"")
        .contains("\"status\":\"True\"")
        .contains("\"startedAt\":\"2024-06-11T10:00:00Z\"")
        .contains("\"stepStartedAt\":\"2024-06-11T10:02:30.250Z\"")
        .contains("\"inboundReady\":\"0-9999\"")
        .contains("\"encrypting\":\"0,2,4\"")
        .contains("\"enforcing\":\"0-9998\"")
        .contains("\"state\":\"Joining\"")
        .contains("\"inboundReady\":\"b64:")
        .contains("\"encrypting\":\"\"")
        .doesNotContain("\"true\":")
        .doesNotContain("\"empty\":");
  }

  @Test
  void defaultsApplyWhenTheSpecIsEmpty() {
    SecureOverlay back =
        json.unmarshal(
            "{\"apiVersion\":\"secureoverlay.io/v1alpha1\",\"kind\":\"SecureOverlay\","
                + "\"metadata\":{\"name\":\"default\"},\"spec\":{}}",
            SecureOverlay.class);

    SecureOverlaySpec spec = back.getSpec();
    assertThat(spec.getEnabled()).isFalse();
    assertThat(spec.getCipher()).isEqualTo("aes-gcm-128");
    assertThat(spec.getIcvBits()).isEqualTo(64);
    assertThat(spec.getRotationInterval()).isEqualTo("24h");
    assertThat(spec.getEnforce()).isFalse();
    assertThat(spec.getMtu()).isEqualTo(MtuSpec.reportOnly());
    assertThat(new SpecValidator().validate(spec)).isEmpty();
  }

  @Test
  void fieldsFromANewerVersionAreIgnoredSoOldAgentsKeepReading() {
    SecureOverlay back =
        json.unmarshal(
            "{\"apiVersion\":\"secureoverlay.io/v1alpha1\",\"kind\":\"SecureOverlay\","
                + "\"metadata\":{\"name\":\"default\"},"
                + "\"spec\":{\"enabled\":true,\"futureKnob\":1,\"mtu\":{\"future\":2}},"
                + "\"status\":{\"phase\":\"Enabled\",\"futurePlan\":{\"x\":1},"
                + "\"epochs\":[{\"number\":5,\"futureField\":true}],"
                + "\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"future\":\"x\"}]}}",
            SecureOverlay.class);

    assertThat(back.getSpec().getEnabled()).isTrue();
    assertThat(back.getStatus().getPhase()).isEqualTo(OverlayPhase.ENABLED);
    assertThat(back.getStatus().getEpochs())
        .singleElement()
        .extracting(EpochStatus::number)
        .isEqualTo(5L);
    assertThat(back.getStatus().getConditions().get(0).isTrue()).isTrue();
  }
}
