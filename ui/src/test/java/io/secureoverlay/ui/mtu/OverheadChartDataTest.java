package io.secureoverlay.ui.mtu;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.mtu.EspMtuCalculator;
import io.secureoverlay.mtu.MtuRequest;
import io.secureoverlay.mtu.MtuResult;
import io.secureoverlay.mtu.UnderlayFamily;
import io.secureoverlay.ui.mtu.OverheadChartData.Part;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OverheadChartDataTest {

  private final EspMtuCalculator calculator = new EspMtuCalculator();

  @Test
  void showsEveryPartInPacketOrderFor1450WithA64BitIcv() {
    OverheadChartData data =
        OverheadChartData.of(calculator.calculate(MtuRequest.ipv4(IcvLength.ICV_64, 1450)));

    assertThat(data.parts())
        .containsExactly(
            new Part("Outer IPv4 header", 20),
            new Part("ESP header (SPI, sequence)", 8),
            new Part("IV (RFC 4106)", 8),
            new Part("Padding", 0),
            new Part("ESP trailer", 2),
            new Part("ICV (64-bit)", 8),
            new Part("Unusable alignment slack", 2));
    assertThat(data.totalBytes()).isEqualTo(48);
    assertThat(data.title())
        .isEqualTo("Where the 48 bytes go: external MTU 1450 \u2192 tunnel MTU 1402");
  }

  @Test
  void namesTheIpv6HeaderAndTheIcvLength() {
    OverheadChartData data =
        OverheadChartData.of(
            calculator.calculate(
                new MtuRequest(
                    List.of(1500), UnderlayFamily.IPV6, IcvLength.ICV_128, Cipher.AES_GCM_256)));

    assertThat(data.parts().get(0)).isEqualTo(new Part("Outer IPv6 header", 40));
    assertThat(data.parts().get(5)).isEqualTo(new Part("ICV (128-bit)", 16));
  }

  static Stream<Arguments> randomRequests() {
    Random random = new Random(7L);
    return Stream.generate(
            () -> {
              UnderlayFamily family = UnderlayFamily.values()[random.nextInt(2)];
              int extMtu = family.minimumMtu() + random.nextInt(9_001 - family.minimumMtu());
              IcvLength icv = IcvLength.values()[random.nextInt(3)];
              return Arguments.of(extMtu, family, icv);
            })
        .limit(300);
  }

  /** The bars must account for every byte between the two MTUs, for any accepted input. */
  @ParameterizedTest
  @MethodSource("randomRequests")
  void barsAddUpToExternalMinusTunnelMtu(int extMtu, UnderlayFamily family, IcvLength icv) {
    MtuResult result =
        calculator.calculate(new MtuRequest(List.of(extMtu), family, icv, Cipher.AES_GCM_128));
    OverheadChartData data = OverheadChartData.of(result);

    int sum = data.parts().stream().mapToInt(Part::bytes).sum();
    assertThat(sum).isEqualTo(extMtu - result.exactTunnelMtu()).isEqualTo(data.totalBytes());
    assertThat(data.parts())
        .hasSize(7)
        .allSatisfy(part -> assertThat(part.bytes()).isNotNegative());
  }
}
