package io.secureoverlay.ui.mtu;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.ui.mtu.ConfiguredMtuCheck.State;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ConfiguredMtuCheckTest {

  @Test
  void saysWhenNothingIsReported() {
    ConfiguredMtuCheck check = ConfiguredMtuCheck.of(OptionalInt.empty(), 1402);
    assertThat(check.state()).isEqualTo(State.NOT_REPORTED);
    assertThat(check.text()).startsWith("Not reported yet");
  }

  @Test
  void warnsWhenTheConfiguredMtuIsAboveTheLimit() {
    ConfiguredMtuCheck check = ConfiguredMtuCheck.of(OptionalInt.of(1440), 1402);
    assertThat(check.state()).isEqualTo(State.ABOVE_LIMIT);
    assertThat(check.text()).startsWith("1440 is 38 bytes above the limit of 1402");
  }

  @Test
  void acceptsTheLimitItself() {
    assertThat(ConfiguredMtuCheck.of(OptionalInt.of(1402), 1402).state()).isEqualTo(State.AT_LIMIT);
  }

  @Test
  void saysHowMuchRoomIsLeftBelowTheLimit() {
    ConfiguredMtuCheck check = ConfiguredMtuCheck.of(OptionalInt.of(1300), 1402);
    assertThat(check.state()).isEqualTo(State.BELOW_LIMIT);
    assertThat(check.text()).isEqualTo("1300 fits: 102 bytes below the limit of 1402.");
  }
}
