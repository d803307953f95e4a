package io.secureoverlay.ui.mtu;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.model.IcvLength;
import io.secureoverlay.mtu.EspMtuCalculator;
import io.secureoverlay.mtu.MtuRequest;
import io.secureoverlay.mtu.MtuResult;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MtuVerdictTest {

  private final EspMtuCalculator calculator = new EspMtuCalculator();

  private MtuResult calculate(int extMtu, IcvLength icv) {
    return calculator.calculate(MtuRequest.ipv4(icv, extMtu));
  }

  @Test
  void warnsInPlainWordsAt1450WithA64BitIcv() {
    MtuVerdict verdict = MtuVerdict.of(calculate(1450, IcvLength.ICV_64));

    assertThat(verdict.fragments()).isTrue();
    assertThat(verdict.headline())
        .isEqualTo(
            "The documented rule's 1404 is 2 bytes too big: those packets fragment or are dropped.");
    assertThat(verdict.explanation())
        .startsWith(
            "A full-size 1404-byte packet becomes 1452 bytes on the wire after ESP, 2 bytes more"
                + " than the external MTU of 1450.")
        .endsWith("Configure 1402 instead.");
  }

  @Test
  void callsTheDocumentedRuleSafeAt1500WithA64BitIcv() {
    MtuVerdict verdict = MtuVerdict.of(calculate(1500, IcvLength.ICV_64));

    assertThat(verdict.fragments()).isFalse();
    assertThat(verdict.headline()).isEqualTo("The documented rule's 1452 is safe here.");
    assertThat(verdict.explanation())
        .isEqualTo("It fits, but gives away 2 bytes per packet compared with the exact 1454.");
  }

  @Test
  void warnsEverywhereWithA128BitIcv() {
    MtuVerdict verdict = MtuVerdict.of(calculate(1500, IcvLength.ICV_128));

    assertThat(verdict.fragments()).isTrue();
    assertThat(verdict.headline()).contains("1452 is 6 bytes too big");
  }

  static Stream<Arguments> randomInputs() {
    Random random = new Random(20_241_126L);
    return Stream.generate(
            () ->
                Arguments.of(
                    576 + random.nextInt(9_001 - 576),
                    IcvLength.values()[random.nextInt(IcvLength.values().length)]))
        .limit(300);
  }

  /** Fixed-seed sample over the MTUs operators meet (576 up to jumbo frames) and every ICV. */
  @ParameterizedTest
  @MethodSource("randomInputs")
  void warnsExactlyWhenTheDocumentedPacketDoesNotFitAndAlwaysNamesTheSafeFigure(
      int extMtu, IcvLength icv) {
    MtuResult result = calculate(extMtu, icv);
    MtuVerdict verdict = MtuVerdict.of(result);

    assertThat(verdict.fragments()).isEqualTo(result.documentedWireBytes() > extMtu);
    assertThat(verdict.headline()).contains(Integer.toString(result.documentedTunnelMtu()));
    assertThat(verdict.explanation()).contains(Integer.toString(result.exactTunnelMtu()));
  }
}
