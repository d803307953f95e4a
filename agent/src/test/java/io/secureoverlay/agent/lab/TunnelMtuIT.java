package io.secureoverlay.agent.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.mtu.EspMtuCalculator;
import io.secureoverlay.mtu.MtuRequest;
import io.secureoverlay.mtu.MtuResult;
import io.secureoverlay.mtu.UnderlayFamily;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The MTU calculator against a real kernel: with the agent's ESP in place and tunl0 left larger, a
 * don't-fragment ping of exactly the calculated tunnel MTU passes and one byte more fails; the
 * documented rule's figure fails wherever the calculator says it fragments.
 */
class TunnelMtuIT {

  private final EspMtuCalculator calculator = new EspMtuCalculator();

  @ParameterizedTest(name = "underlay {0}, ICV {1}")
  @CsvSource({"1500, 64", "1500, 128", "1450, 64", "1450, 128"})
  void theExactFigurePassesAndOneByteMoreFails(int underlayMtu, int icvBits) {
    MtuResult expected =
        calculator.calculate(
            new MtuRequest(
                List.of(underlayMtu),
                UnderlayFamily.IPV4,
                IcvLength.fromBits(icvBits),
                Cipher.AES_GCM_128));
    int exact = expected.exactTunnelMtu();
    // tunl0 as large as plain IPIP allows, so the ESP transform is what limits the packet.
    try (EncryptedLab lab = EncryptedLab.start(2, underlayMtu, underlayMtu - 20, icvBits)) {
      lab.enable(1, false);
      LabNode a = lab.node(1);
      LabNode b = lab.node(2);

      boolean exactPasses = lab.network().dontFragmentPingPasses(a, b, exact);
      boolean oneMorePasses = lab.network().dontFragmentPingPasses(a, b, exact + 1);
      int documented = expected.documentedTunnelMtu();
      boolean documentedPasses = lab.network().dontFragmentPingPasses(a, b, documented);
      System.out.printf(
          "[lab] underlay %d ICV %d: exact %d %s, %d %s; documented %d %s (calculator: %s)%n",
          underlayMtu,
          icvBits,
          exact,
          verdict(exactPasses),
          exact + 1,
          verdict(oneMorePasses),
          documented,
          verdict(documentedPasses),
          expected.documentedFragments() ? "fragments" : "fits");

      assertThat(exactPasses).as("DF ping of %d bytes", exact).isTrue();
      assertThat(oneMorePasses).as("DF ping of %d bytes", exact + 1).isFalse();
      assertThat(documentedPasses)
          .as("DF ping of the documented %d bytes", documented)
          .isEqualTo(!expected.documentedFragments());
    }
  }

  private static String verdict(boolean passes) {
    return passes ? "passes" : "fails";
  }
}
