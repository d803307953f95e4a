package io.secureoverlay.agent.netlink;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NetworkNamespaceTest {

  @Test
  void namesThatCouldEscapeRunNetnsAreRefusedBeforeAnySystemCall() {
    for (String bad : new String[] {"", "..", ".", "a/b", "../etc", "x y", null}) {
      assertThatThrownBy(() -> NetworkNamespace.open(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("network namespace name");
    }
  }
}
