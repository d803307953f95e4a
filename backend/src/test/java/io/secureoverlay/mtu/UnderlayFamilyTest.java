package io.secureoverlay.mtu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnderlayFamilyTest {

  @Test
  void looksUpByIdIgnoringCase() {
    assertThat(UnderlayFamily.fromId("ipv4")).isEqualTo(UnderlayFamily.IPV4);
    assertThat(UnderlayFamily.fromId("IPv6")).isEqualTo(UnderlayFamily.IPV6);
  }

  @Test
  void unknownFamilyNamesTheValueAndTheChoices() {
    assertThatThrownBy(() -> UnderlayFamily.fromId("ipx"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown underlay family 'ipx': expected one of ipv4, ipv6");
  }
}
