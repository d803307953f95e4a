package io.secureoverlay.ui.mtu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureoverlay.mtu.InvalidMtuInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MtuInputParserTest {

  @Test
  void readsOneMtu() {
    assertThat(MtuInputParser.parse("1450")).containsExactly(1450);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1500, 1450, 9000", "1500,1450,9000", " 1500 1450\t9000 ", "1500;1450; 9000"})
  void readsSeveralMtusWithAnySeparatorInInputOrder(String text) {
    assertThat(MtuInputParser.parse(text)).containsExactly(1500, 1450, 9000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", " , ;"})
  void asksForAtLeastOneMtu(String text) {
    assertThatThrownBy(() -> MtuInputParser.parse(text))
        .isInstanceOf(InvalidMtuInputException.class)
        .hasMessage("enter at least one external MTU");
  }

  @Test
  void asksForAtLeastOneMtuWhenNull() {
    assertThatThrownBy(() -> MtuInputParser.parse(null))
        .hasMessage("enter at least one external MTU");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1500, 14a0", "-1450", "1450.5", "1e3"})
  void namesTheTokenThatIsNotANumber(String text) {
    assertThatThrownBy(() -> MtuInputParser.parse(text))
        .isInstanceOf(InvalidMtuInputException.class)
        .hasMessageContaining("is not an MTU: enter whole numbers of bytes");
  }

  @Test
  void refusesHugeNumbersWithoutOverflow() {
    assertThatThrownBy(() -> MtuInputParser.parse("99999999999999999999"))
        .hasMessage("999999999999\u2026 is above the maximum of 65535");
  }

  @Test
  void leavesRangeChecksToTheCalculator() {
    assertThat(MtuInputParser.parse("500")).containsExactly(500);
  }
}
