package io.secureoverlay.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code kubectl apply} gets from the generated CRDs. */
class CrdYamlTest {

  private static final String READY_PATH = ".status.conditions[?(@.type==\"Ready\")].status";

  @Test
  void secureOverlayIsClusterScopedWithStatusAndColumns() {
    CustomResourceDefinition crd = GeneratedCrds.load(SecureOverlay.CRD_NAME);

    assertThat(crd.getMetadata().getName()).isEqualTo("secureoverlays.secureoverlay.io");
    assertThat(crd.getSpec().getGroup()).isEqualTo("secureoverlay.io");
    assertThat(crd.getSpec().getScope()).isEqualTo("Cluster");
    assertThat(crd.getSpec().getNames().getKind()).isEqualTo("SecureOverlay");
    assertThat(crd.getSpec().getNames().getPlural()).isEqualTo("secureoverlays");
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("sovl");
    CustomResourceDefinitionVersion version = onlyVersion(crd);
    assertThat(version.getSubresources().getStatus()).isNotNull();
    assertThat(version.getAdditionalPrinterColumns())
        .extracting(
            CustomResourceColumnDefinition::getName,
            CustomResourceColumnDefinition::getJsonPath,
            CustomResourceColumnDefinition::getType)
        .containsExactlyInAnyOrder(
            tuple("Phase", ".status.phase", "string"),
            tuple("Epoch", ".status.outboundEpoch", "integer"),
            tuple("Ready", READY_PATH, "string"),
            tuple("Nodes", ".status.readyNodes", "string"),
            tuple("Age", ".metadata.creationTimestamp", "date"));
  }

  @Test
  void secureOverlayNodeIsClusterScopedWithStatusAndColumns() {
    CustomResourceDefinition crd = GeneratedCrds.load(SecureOverlayNode.CRD_NAME);

    assertThat(crd.getSpec().getGroup()).isEqualTo("secureoverlay.io");
    assertThat(crd.getSpec().getScope()).isEqualTo("Cluster");
    assertThat(crd.getSpec().getNames().getKind()).isEqualTo("SecureOverlayNode");
    CustomResourceDefinitionVersion version = onlyVersion(crd);
    assertThat(version.getSubresources().getStatus()).isNotNull();
    assertThat(version.getAdditionalPrinterColumns())
        .extracting(
            CustomResourceColumnDefinition::getName,
            CustomResourceColumnDefinition::getJsonPath,
            CustomResourceColumnDefinition::getType,
            CustomResourceColumnDefinition::getPriority)
        .containsExactlyInAnyOrder(
            tuple("Ready", READY_PATH, "string", 0),
            tuple("Epochs", ".status.inboundEpochs", "string", 0),
            tuple("Out", ".status.outboundEpoch", "integer", 0),
            tuple("Plan", ".status.observedPlanRevision", "integer", 1),
            tuple("Heartbeat", ".status.heartbeat", "date", 0));
  }

  @Test
  void specDefaultsMatchTheJavaDefaults() {
    JSONSchemaProps spec = schema(SecureOverlay.CRD_NAME).getProperties().get("spec");
    SecureOverlaySpec defaults = new SecureOverlaySpec();

    assertThat(spec.getProperties().get("enabled").getDefault().asBoolean())
        .isEqualTo(defaults.getEnabled());
    assertThat(spec.getProperties().get("cipher").getDefault().asString())
        .isEqualTo(defaults.getCipher());
    assertThat(spec.getProperties().get("icvBits").getDefault().asInt())
        .isEqualTo(defaults.getIcvBits());
    assertThat(spec.getProperties().get("rotationInterval").getDefault().asString())
        .isEqualTo(defaults.getRotationInterval());
    assertThat(spec.getProperties().get("enforce").getDefault().asBoolean())
        .isEqualTo(defaults.getEnforce());
    assertThat(spec.getProperties().get("retireGracePeriod").getDefault().asString())
        .isEqualTo(defaults.getRetireGracePeriod());
    assertThat(spec.getProperties().get("ackTimeout").getDefault().asString())
        .isEqualTo(defaults.getAckTimeout());
  }

  @Test
  void nodeSetsAndTimesAreStringsInTheSchema() {
    JSONSchemaProps status = schema(SecureOverlay.CRD_NAME).getProperties().get("status");
    JSONSchemaProps epoch = status.getProperties().get("epochs").getItems().getSchema();
    JSONSchemaProps condition = status.getProperties().get("conditions").getItems().getSchema();

    for (String set : new String[] {"inboundReady", "encrypting"}) {
      assertThat(epoch.getProperties().get(set).getType()).as(set).isEqualTo("string");
    }
    assertThat(status.getProperties().get("enforcing").getType()).isEqualTo("string");
    JSONSchemaProps row = status.getProperties().get("nodes").getItems().getSchema();
    assertThat(row.getProperties().get("state").getEnum())
        .extracting(n -> n.asString())
        .containsExactlyInAnyOrder("Joining", "Member", "Leaving", "Departing", "Removed");
    assertThat(epoch.getProperties().get("createdAt").getFormat()).isEqualTo("date-time");
    assertThat(condition.getProperties())
        .containsOnlyKeys(
            "type", "status", "reason", "message", "lastTransitionTime", "observedGeneration");
    assertThat(condition.getProperties().get("status").getEnum())
        .extracting(n -> n.asString())
        .containsExactlyInAnyOrder("True", "False", "Unknown");
    JSONSchemaProps node = schema(SecureOverlayNode.CRD_NAME).getProperties().get("status");
    assertThat(node.getProperties().get("encryptingTo").getType()).isEqualTo("string");
    assertThat(node.getProperties().get("heartbeat").getFormat()).isEqualTo("date-time");
  }

  @ParameterizedTest
  @ValueSource(strings = {SecureOverlay.CRD_NAME, SecureOverlayNode.CRD_NAME})
  void deployCopyMatchesTheGeneratedCrd(String crdName) throws IOException {
    String fileName = GeneratedCrds.fileName(crdName);
    Path generated = Path.of("target/classes", GeneratedCrds.DIRECTORY, fileName);
    Path deployed = Path.of("../deploy/crds", fileName);

    assertThat(deployed).exists().hasSameTextualContentAs(generated);
  }

  private static CustomResourceDefinitionVersion onlyVersion(CustomResourceDefinition crd) {
    assertThat(crd.getSpec().getVersions()).hasSize(1);
    CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
    assertThat(version.getName()).isEqualTo("v1alpha1");
    assertThat(version.getServed()).isTrue();
    assertThat(version.getStorage()).isTrue();
    return version;
  }

  private static JSONSchemaProps schema(String crdName) {
    return onlyVersion(GeneratedCrds.load(crdName)).getSchema().getOpenAPIV3Schema();
  }
}
