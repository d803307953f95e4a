package io.secureoverlay.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MasterSettingsTest {

  @Test
  void defaultsLeadInTheKeysNamespaceOnTheNamedLease() {
    MasterSettings s = MasterSettings.defaults("m1");

    assertThat(s.namespace()).isEqualTo("secureoverlay-system");
    assertThat(s.leaseName()).isEqualTo("secureoverlay-master");
    assertThat(s.renewDeadline()).isLessThan(s.leaseDuration());
    assertThat(s.minWriteInterval()).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void aRenewDeadlineNotShorterThanTheLeaseIsRefused() {
    assertThatThrownBy(
            () ->
                MasterSettings.defaults("m1")
                    .withLeaseTimings(
                        Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("renewDeadline")
        .hasMessageContaining("two replicas could act at once");
  }

  @Test
  void aBlankIdentityIsRefused() {
    assertThatThrownBy(() -> MasterSettings.defaults(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("identity must not be blank");
  }
}
