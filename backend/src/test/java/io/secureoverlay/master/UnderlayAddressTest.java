package io.secureoverlay.master;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import org.junit.jupiter.api.Test;

/** Where a Node's underlay address comes from. */
class UnderlayAddressTest {

  @Test
  void calicosAnnotationWinsAndLosesItsPrefixLength() {
    Node node = node("10.0.0.5/24", "192.0.2.9");

    assertThat(UnderlayAddress.of(node)).contains("10.0.0.5");
  }

  @Test
  void withoutTheAnnotationTheFirstIpv4InternalIpIsUsed() {
    Node node =
        new NodeBuilder()
            .withNewMetadata()
            .withName("n")
            .endMetadata()
            .withNewStatus()
            .addNewAddress()
            .withType("Hostname")
            .withAddress("n")
            .endAddress()
            .addNewAddress()
            .withType("InternalIP")
            .withAddress("2001:db8::1")
            .endAddress()
            .addNewAddress()
            .withType("InternalIP")
            .withAddress("192.0.2.9")
            .endAddress()
            .endStatus()
            .build();

    assertThat(UnderlayAddress.of(node)).contains("192.0.2.9");
  }

  @Test
  void aGarbledAnnotationFallsBackToTheInternalIp() {
    assertThat(UnderlayAddress.of(node("not-an-ip/24", "192.0.2.9"))).contains("192.0.2.9");
    assertThat(UnderlayAddress.of(node("300.1.1.1", "192.0.2.9"))).contains("192.0.2.9");
  }

  @Test
  void aNodeWithNoAddressHasNoUnderlay() {
    Node node = new NodeBuilder().withNewMetadata().withName("bare").endMetadata().build();

    assertThat(UnderlayAddress.of(node)).isEmpty();
    assertThat(UnderlayAddress.fact(node)).isEqualTo(new NodeFact("bare", null));
  }

  private static Node node(String annotation, String internalIp) {
    return new NodeBuilder()
        .withNewMetadata()
        .withName("n")
        .addToAnnotations(UnderlayAddress.CALICO_ANNOTATION, annotation)
        .endMetadata()
        .withNewStatus()
        .addNewAddress()
        .withType("InternalIP")
        .withAddress(internalIp)
        .endAddress()
        .endStatus()
        .build();
  }
}
