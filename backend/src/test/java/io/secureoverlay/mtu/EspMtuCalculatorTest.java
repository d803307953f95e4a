package io.secureoverlay.mtu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EspMtuCalculatorTest {

  private final EspMtuCalculator calculator = new EspMtuCalculator();

  /** The figures measured with don't-fragment pings through a real kernel. */
  @ParameterizedTest(name = "EXTMTU {0}, ICV {1}: exact {2}, documented {3}, fragments {4}")
  @CsvSource({
    "1500,  64, 1454, 1452, false",
    "1450,  64, 1402, 1404, true",
    "1500, 128, 1446, 1452, true",
    "1500,  96, 1450, 1452, true",
    "1450, 128, 1394, 1404, true",
    "9000,  64, 8954, 8952, false",
    " 576,  64,  530,  528, false",
  })
  void ipv4Figures(
      int extMtu, int icvBits, int exact, int documented, boolean documentedFragments) {
    MtuResult result = calculator.calculate(MtuRequest.ipv4(IcvLength.fromBits(icvBits), extMtu));

    assertThat(result.extMtu()).isEqualTo(extMtu);
    assertThat(result.exactTunnelMtu()).isEqualTo(exact);
    assertThat(result.documentedTunnelMtu()).isEqualTo(documented);
    assertThat(result.documentedFragments()).isEqualTo(documentedFragments);
    assertThat(result.documentedExcessBytes()).isEqualTo(documented - exact);
  }

  @Test
  void documentedFigureAt1450OverflowsTheWireByTwoBytes() {
    MtuResult result = calculator.calculate(MtuRequest.ipv4(IcvLength.ICV_64, 1450));

    // 20 + 8 + 8 + (1404 + 2 padded to 1408) + 8 = 1452 > 1450
    assertThat(result.documentedWireBytes()).isEqualTo(1452);
    assertThat(result.documentedWireOverflowBytes()).isEqualTo(2);
  }

  @Test
  void ipv6UnderlayLeavesTwentyBytesLess() {
    MtuRequest request =
        new MtuRequest(List.of(1500), UnderlayFamily.IPV6, IcvLength.ICV_64, Cipher.AES_GCM_128);

    MtuResult result = calculator.calculate(request);

    // floor4(1500 - 40 - 16 - 8) - 2
    assertThat(result.exactTunnelMtu()).isEqualTo(1434);
    assertThat(result.overhead().outerIpHeader()).isEqualTo(40);
    assertThat(result.documentedFragments()).isTrue();
    assertThat(result.notes()).anySatisfy(note -> assertThat(note).startsWith("IPv6 underlay"));
  }

  @Test
  void smallestExternalMtuGovernsWhateverTheOrder() {
    MtuResult result = calculator.calculate(MtuRequest.ipv4(IcvLength.ICV_64, 9000, 1450, 1500));

    assertThat(result.extMtu()).isEqualTo(1450);
    assertThat(result.exactTunnelMtu()).isEqualTo(1402);
    assertThat(result.extMtus()).containsExactly(9000, 1450, 1500);
  }

  @Test
  void overheadBreakdownAt1450AccountsForEveryByte() {
    EspOverhead overhead = calculator.calculate(MtuRequest.ipv4(IcvLength.ICV_64, 1450)).overhead();

    assertThat(overhead).isEqualTo(new EspOverhead(20, 8, 8, 0, 2, 8, 2));
    assertThat(overhead.total()).isEqualTo(1450 - 1402);
  }

  @Test
  void keySizeDoesNotChangeTheOverhead() {
    MtuRequest aes128 =
        new MtuRequest(List.of(1450), UnderlayFamily.IPV4, IcvLength.ICV_96, Cipher.AES_GCM_128);
    MtuRequest aes256 =
        new MtuRequest(List.of(1450), UnderlayFamily.IPV4, IcvLength.ICV_96, Cipher.AES_GCM_256);

    MtuResult r128 = calculator.calculate(aes128);
    MtuResult r256 = calculator.calculate(aes256);

    assertThat(r256.exactTunnelMtu()).isEqualTo(r128.exactTunnelMtu());
    assertThat(r256.overhead()).isEqualTo(r128.overhead());
    assertThat(r256.notes().get(0)).contains("256 bits here").contains("8-byte IV");
  }

  @Test
  void configLinesCarryTheExactFigure() {
    TunnelMtuConfig config = calculator.calculate(MtuRequest.ipv4(IcvLength.ICV_64, 1450)).config();

    assertThat(config.ucpConfigToml())
        .isEqualTo("[cluster_config]\n  calico_mtu = \"1402\"\n  ipip_mtu = \"1402\"\n");
    assertThat(config.felixConfigurationYaml())
        .isEqualTo(
            "apiVersion: projectcalico.org/v3\n"
                + "kind: FelixConfiguration\n"
                + "metadata:\n"
                + "  name: default\n"
                + "spec:\n"
                + "  ipipMTU: 1402\n");
  }

  @Test
  void boundariesAreInclusive() {
    assertThat(calculator.calculate(MtuRequest.ipv4(IcvLength.ICV_128, 576)).exactTunnelMtu())
        .isEqualTo(522);
    assertThat(calculator.calculate(MtuRequest.ipv4(IcvLength.ICV_64, 65535)).exactTunnelMtu())
        .isEqualTo(65486);
    MtuRequest ipv6AtMinimum =
        new MtuRequest(List.of(1280), UnderlayFamily.IPV6, IcvLength.ICV_128, Cipher.AES_GCM_128);
    assertThat(calculator.calculate(ipv6AtMinimum).exactTunnelMtu()).isEqualTo(1206);
  }

  @Test
  void belowMinimumIsRefusedNamingValueAndLimit() {
    assertThatThrownBy(() -> calculator.calculate(MtuRequest.ipv4(IcvLength.ICV_64, 500)))
        .isInstanceOfSatisfying(
            InvalidMtuInputException.class,
            e -> {
              assertThat(e.extMtu()).hasValue(500);
              assertThat(e.problem()).isEqualTo("is below the IPv4 minimum of 576");
              assertThat(e).hasMessage("external MTU 500 is below the IPv4 minimum of 576");
            });
  }

  @Test
  void theFirstBadValueIsNamedAmongSeveral() {
    assertThatThrownBy(
            () -> calculator.calculate(MtuRequest.ipv4(IcvLength.ICV_64, 1500, 70000, 500)))
        .hasMessage("external MTU 70000 is above the maximum of 65535");
  }

  @Test
  void noExternalMtuIsRefused() {
    assertThatThrownBy(() -> calculator.calculate(MtuRequest.ipv4(IcvLength.ICV_64)))
        .isInstanceOfSatisfying(
            InvalidMtuInputException.class, e -> assertThat(e.extMtu()).isEmpty())
        .hasMessage("at least one external MTU is required");
  }

  @Test
  void aResultBelowTheIpv4MinimumIsAnErrorNeverANegativeMtu() {
    // Below the accepted range on purpose: the guard behind the range check.
    assertThatThrownBy(
            () -> EspMtuCalculator.exactTunnelMtu(100, UnderlayFamily.IPV4, IcvLength.ICV_128))
        .isInstanceOf(InvalidMtuInputException.class)
        .hasMessage(
            "external MTU 100 leaves 46 bytes for the inner packet with a 128-bit ICV over IPv4,"
                + " below the IPv4 minimum MTU of 68");
    assertThatThrownBy(
            () -> EspMtuCalculator.exactTunnelMtu(40, UnderlayFamily.IPV6, IcvLength.ICV_64))
        .hasMessageContaining("leaves 0 bytes");
  }
}
