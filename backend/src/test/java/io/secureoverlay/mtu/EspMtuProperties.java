package io.secureoverlay.mtu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The closed formula against a byte-by-byte model of the packet, for every external MTU from 576
 * (1280 for IPv6) to 9216 and every ICV length: exhaustive, not sampled.
 */
class EspMtuProperties {

  private static final long SEED = 0x3707L;
  private final EspMtuCalculator calculator = new EspMtuCalculator();

  @ParameterizedTest
  @EnumSource(IcvLength.class)
  void ipv4MatchesBruteForceForEveryExternalMtu(IcvLength icv) {
    for (int extMtu = 576; extMtu <= 9216; extMtu++) {
      checkAgainstModel(UnderlayFamily.IPV4, extMtu, icv);
    }
  }

  @ParameterizedTest
  @EnumSource(IcvLength.class)
  void ipv6MatchesBruteForceForEveryExternalMtu(IcvLength icv) {
    for (int extMtu = 1280; extMtu <= 9216; extMtu++) {
      checkAgainstModel(UnderlayFamily.IPV6, extMtu, icv);
    }
  }

  @ParameterizedTest
  @EnumSource(IcvLength.class)
  void ipv6UnderlayBelow1280IsRefused(IcvLength icv) {
    for (int extMtu = 576; extMtu < 1280; extMtu++) {
      int value = extMtu;
      assertThatThrownBy(() -> calculator.calculate(request(UnderlayFamily.IPV6, value, icv)))
          .isInstanceOf(InvalidMtuInputException.class)
          .hasMessage("external MTU " + value + " is below the IPv6 minimum of 1280");
    }
  }

  /** The edges, then seeded random values far below. */
  static IntStream tooSmall() {
    return IntStream.concat(
        IntStream.of(575, 0, -1, Integer.MIN_VALUE),
        new SplittableRandom(SEED).ints(200, Integer.MIN_VALUE, 576));
  }

  @ParameterizedTest
  @MethodSource("tooSmall")
  void tooSmallIsRefusedNamingTheValue(int extMtu) {
    for (IcvLength icv : IcvLength.values()) {
      assertThatThrownBy(() -> calculator.calculate(request(UnderlayFamily.IPV4, extMtu, icv)))
          .isInstanceOf(InvalidMtuInputException.class)
          .hasMessage("external MTU " + extMtu + " is below the IPv4 minimum of 576");
    }
  }

  static IntStream tooLarge() {
    return IntStream.concat(
        IntStream.of(65536, Integer.MAX_VALUE),
        new SplittableRandom(SEED + 1).ints(200, 65536, Integer.MAX_VALUE));
  }

  @ParameterizedTest
  @MethodSource("tooLarge")
  void tooLargeIsRefusedNamingTheValue(int extMtu) {
    for (UnderlayFamily family : UnderlayFamily.values()) {
      assertThatThrownBy(() -> calculator.calculate(request(family, extMtu, IcvLength.ICV_64)))
          .isInstanceOf(InvalidMtuInputException.class)
          .hasMessage("external MTU " + extMtu + " is above the maximum of 65535");
    }
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
