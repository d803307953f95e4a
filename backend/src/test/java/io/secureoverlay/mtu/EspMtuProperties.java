package io.secureoverlay.mtu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The closed formula against a byte-by-byte model of the packet, for every external MTU from 576
 * (1280 for IPv6) to 9216 and every ICV length: exhaustive, not sampled.
 */
class EspMtuProperties {

  private final EspMtuCalculator calculator = new EspMtuCalculator();

  @Property(generation = GenerationMode.EXHAUSTIVE, tries = 30_000)
  void ipv4MatchesBruteForce(
      @ForAll @IntRange(min = 576, max = 9216) int extMtu, @ForAll IcvLength icv) {
    checkAgainstModel(UnderlayFamily.IPV4, extMtu, icv);
  }

  @Property(generation = GenerationMode.EXHAUSTIVE, tries = 30_000)
  void ipv6MatchesBruteForce(
      @ForAll @IntRange(min = 1280, max = 9216) int extMtu, @ForAll IcvLength icv) {
    checkAgainstModel(UnderlayFamily.IPV6, extMtu, icv);
  }

  @Property(generation = GenerationMode.EXHAUSTIVE, tries = 3_000)
  void ipv6UnderlayBelow1280IsRefused(
      @ForAll @IntRange(min = 576, max = 1279) int extMtu, @ForAll IcvLength icv) {
    assertThatThrownBy(() -> calculator.calculate(request(UnderlayFamily.IPV6, extMtu, icv)))
        .isInstanceOf(InvalidMtuInputException.class)
        .hasMessage("external MTU " + extMtu + " is below the IPv6 minimum of 1280");
  }

  @Property
  void tooSmallIsRefusedNamingTheValue(
      @ForAll @IntRange(min = Integer.MIN_VALUE, max = 575) int extMtu, @ForAll IcvLength icv) {
    assertThatThrownBy(() -> calculator.calculate(request(UnderlayFamily.IPV4, extMtu, icv)))
        .isInstanceOf(InvalidMtuInputException.class)
        .hasMessage("external MTU " + extMtu + " is below the IPv4 minimum of 576");
  }

  @Property
  void tooLargeIsRefusedNamingTheValue(
      @ForAll @IntRange(min = 65536, max = Integer.MAX_VALUE) int extMtu,
      @ForAll UnderlayFamily family) {
    assertThatThrownBy(() -> calculator.calculate(request(family, extMtu, IcvLength.ICV_64)))
        .isInstanceOf(InvalidMtuInputException.class)
        .hasMessage("external MTU " + extMtu + " is above the maximum of 65535");
  }

  /** What the calculator claims, in a form the model can produce independently. */
  record Figures(
      int exactTunnelMtu,
      EspOverhead overhead,
      int documentedTunnelMtu,
      int documentedWireBytes,
      boolean documentedFragments) {}

  private void checkAgainstModel(UnderlayFamily family, int extMtu, IcvLength icv) {
    MtuResult result = calculator.calculate(request(family, extMtu, icv));

    int bruteForce = EspPacketModel.largestFittingInner(family, icv, extMtu);
    EspPacketModel.Packet packet = EspPacketModel.build(family, icv, bruteForce);
    EspOverhead modelOverhead =
        new EspOverhead(
            packet.field("outer header"),
            packet.field("SPI") + packet.field("sequence number"),
            packet.field("IV"),
            packet.field("padding"),
            packet.field("pad length") + packet.field("next header"),
            packet.field("ICV"),
            extMtu - packet.bytes());
    // The guide's rule read as words: the largest multiple of 4 not above EXTMTU - 46.
    int documented = extMtu - 46;
    while (documented % 4 != 0) {
      documented--;
    }
    int documentedWire = EspPacketModel.build(family, icv, documented).bytes();
    Figures expected =
        new Figures(bruteForce, modelOverhead, documented, documentedWire, documentedWire > extMtu);

    Figures actual =
        new Figures(
            result.exactTunnelMtu(),
            result.overhead(),
            result.documentedTunnelMtu(),
            result.documentedWireBytes(),
            result.documentedFragments());
    assertThat(actual).as("%s, external MTU %d, %s", family, extMtu, icv).isEqualTo(expected);
    assertThat(result.overhead().total()).isEqualTo(extMtu - bruteForce);
  }

  private static MtuRequest request(UnderlayFamily family, int extMtu, IcvLength icv) {
    return new MtuRequest(List.of(extMtu), family, icv, Cipher.AES_GCM_128);
  }
}
