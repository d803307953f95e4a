package io.secureoverlay.agent.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import org.junit.jupiter.api.Test;

class NodeAddressesTest {

  @Test
  void calicosAnnotationWinsAndItsPrefixLengthIsDropped() {
    Node node =
        new NodeBuilder()
            .withNewMetadata()
            .withName("n")
            .addToAnnotations(NodeAddresses.CALICO_IPV4_ANNOTATION, "10.0.3.7/24")
            .endMetadata()
            .withNewStatus()
            .addNewAddress()
            .withType("InternalIP")
            .withAddress("172.16.0.9")
            .endAddress()
            .endStatus()
            .build();

    assertThat(NodeAddresses.underlay(node))
        .hasValueSatisfying(a -> assertThat(a.getHostAddress()).isEqualTo("10.0.3.7"));
  }

  @Test
  void withoutTheAnnotationTheFirstInternalIpv4AddressIsUsed() {
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
            .withAddress("fd00::1")
            .endAddress()
            .addNewAddress()
            .withType("InternalIP")
            .withAddress("172.16.0.9")
            .endAddress()
            .endStatus()
            .build();

    assertThat(NodeAddresses.underlay(node))
        .hasValueSatisfying(a -> assertThat(a.getHostAddress()).isEqualTo("172.16.0.9"));
  }

  @Test
  void onlyDottedQuadsAreAddressesNothingIsLookedUp() {
    assertThat(Ipv4Literal.parse("192.0.2.1")).isPresent();
    assertThat(Ipv4Literal.parse("localhost")).isEmpty();
    assertThat(Ipv4Literal.parse("192.0.2.256")).isEmpty();
    assertThat(Ipv4Literal.parse("192.0.2")).isEmpty();
    assertThat(Ipv4Literal.parse("01.2.3.4")).isEmpty();
    assertThat(Ipv4Literal.parse(null)).isEmpty();
    assertThat(Ipv4Literal.parseWithOptionalPrefix("192.0.2.1/32")).isPresent();
  }
}
