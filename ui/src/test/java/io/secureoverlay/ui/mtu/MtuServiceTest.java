package io.secureoverlay.ui.mtu;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.mtu.EspMtuCalculator;
import io.secureoverlay.mtu.UnderlayFamily;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MtuServiceTest {

  private final MtuService service =
      new MtuService(
          new EspMtuCalculator(), new NoUnderlayMtuReports(), new NoConfiguredTunnelMtu());

  @Test
  void calculatesTheFiguresFor1450WithA64BitIcv() {
    MtuOutcome outcome = service.evaluate(MtuInputs.defaults("1450"));

    assertThat(outcome).isInstanceOf(MtuOutcome.Calculated.class);
    var result = ((MtuOutcome.Calculated) outcome).result();
    assertThat(result.exactTunnelMtu()).isEqualTo(1402);
    assertThat(result.documentedTunnelMtu()).isEqualTo(1404);
    assertThat(result.documentedFragments()).isTrue();
  }

  @Test
  void theSmallestOfSeveralNodesGoverns() {
    var outcome =
        (MtuOutcome.Calculated)
            service.evaluate(
                new MtuInputs(
                    "9000, 1450, 1500",
                    IcvLength.ICV_128,
                    Cipher.AES_GCM_256,
                    UnderlayFamily.IPV4));

    assertThat(outcome.result().extMtu()).isEqualTo(1450);
    // floor4(1450 - 20 - 16 - 16) - 2
    assertThat(outcome.result().exactTunnelMtu()).isEqualTo(1394);
  }

  @Test
  void refusesAnMtuBelowTheIpv4MinimumWithAFieldMessage() {
    assertThat(service.evaluate(MtuInputs.defaults("500")))
        .isEqualTo(new MtuOutcome.Rejected("500 is below the IPv4 minimum of 576"));
  }

  @Test
  void refusesAnMtuBelowTheIpv6MinimumForAnIpv6Underlay() {
    assertThat(
            service.evaluate(
                new MtuInputs("1000", IcvLength.ICV_64, Cipher.AES_GCM_128, UnderlayFamily.IPV6)))
        .isEqualTo(new MtuOutcome.Rejected("1000 is below the IPv6 minimum of 1280"));
  }

  @Test
  void refusesTextWithACapitalisedSentence() {
    assertThat(service.evaluate(MtuInputs.defaults("")))
        .isEqualTo(new MtuOutcome.Rejected("Enter at least one external MTU"));
    assertThat(service.evaluate(MtuInputs.defaults("15oo")))
        .isEqualTo(new MtuOutcome.Rejected("'15oo' is not an MTU: enter whole numbers of bytes"));
  }

  @Test
  void startsFromEthernetWhenNoAgentReported() {
    assertThat(service.initialExtMtus()).isEqualTo("1500");
    assertThat(service.reportingNodes()).isZero();
    assertThat(service.configuredTunnelMtu()).isEmpty();
  }

  @Test
  void startsFromTheAgentsReportsWhenThereAreSome() {
    MtuService reporting =
        new MtuService(
            new EspMtuCalculator(),
            () ->
                List.of(
                    new ReportedUnderlayMtu("node-a", 1500),
                    new ReportedUnderlayMtu("node-b", 1450),
                    new ReportedUnderlayMtu("node-c", 1500)),
            () -> OptionalInt.of(1440));

    // One entry per distinct MTU, smallest first: a large cluster is not a thousand "1500"s.
    assertThat(reporting.initialExtMtus()).isEqualTo("1450, 1500");
    assertThat(reporting.reportingNodes()).isEqualTo(3);
    assertThat(reporting.configuredTunnelMtu()).hasValue(1440);
  }
}
