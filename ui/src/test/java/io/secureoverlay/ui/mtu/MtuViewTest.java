package io.secureoverlay.ui.mtu;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.ui.security.ConsoleRole;
import io.secureoverlay.ui.testing.KaribuSpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MtuViewTest extends KaribuSpringTest {

  @BeforeEach
  void open() {
    openAs("mtu", "viewer", ConsoleRole.VIEWER);
  }

  private static String text(String id) {
    return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
  }

  private static TextField extMtus() {
    return _get(TextField.class, spec -> spec.withId("ext-mtus"));
  }

  @Test
  void showsTheExactAndDocumentedFiguresAndTheFragmentWarningFor1450() {
    _setValue(extMtus(), "1450");

    assertThat(text("exact-mtu")).contains("1402");
    assertThat(text("documented-mtu")).contains("1404").contains("too big, fragments");
    Div verdict = _get(Div.class, spec -> spec.withId("mtu-verdict"));
    assertThat(verdict.isVisible()).isTrue();
    assertThat(verdict.getClassNames()).contains("mtu-verdict--warning");
    assertThat(verdict.getElement().getAttribute("role")).isEqualTo("alert");
    assertThat(verdict.getElement().getTextRecursively())
        .contains("The documented rule's 1404 is 2 bytes too big")
        .contains("split into two fragments, or dropped")
        .contains("Configure 1402 instead.");
  }

  @Test
  void offersTheConfigurationLinesForTheExactFigure() {
    _setValue(extMtus(), "1450");

    assertThat(text("ucp-config"))
        .contains("calico_mtu = \"1402\"")
        .contains("ipip_mtu = \"1402\"");
    assertThat(text("felix-config")).contains("kind: FelixConfiguration").contains("ipipMTU: 1402");
  }

  @Test
  void showsTheOverheadChartAsAnImage() {
    _setValue(extMtus(), "1450");

    Image chart = _get(Image.class, spec -> spec.withId("overhead-chart"));
    assertThat(chart.getSrc()).isNotBlank();
    assertThat(chart.getAlt())
        .hasValueSatisfying(
            alt ->
                assertThat(alt)
                    .startsWith("Where the 48 bytes go: external MTU 1450")
                    .contains("ICV (64-bit): 8 bytes"));
  }

  @Test
  void refusesAnMtuBelowTheIpv4MinimumOnTheFieldItself() {
    _setValue(extMtus(), "500");

    TextField field = extMtus();
    assertThat(field.isInvalid()).isTrue();
    assertThat(field.getErrorMessage()).isEqualTo("500 is below the IPv4 minimum of 576");
    // Karibu finds only what the user can see: no figures, no chart, for refused input.
    _assertNone(Div.class, spec -> spec.withId("mtu-verdict"));
    _assertNone(Image.class, spec -> spec.withId("overhead-chart"));
    assertThat(text("mtu-refused")).isEqualTo("Correct the external MTU above to see the figures.");
  }

  @Test
  void recoversWhenTheInputIsCorrected() {
    _setValue(extMtus(), "500");
    _setValue(extMtus(), "1500");

    assertThat(extMtus().isInvalid()).isFalse();
    assertThat(text("exact-mtu")).contains("1454");
    assertThat(text("mtu-verdict")).contains("The documented rule's 1452 is safe here.");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aLongerIcvShrinksTheTunnelMtu() {
    _setValue(extMtus(), "1500");
    _setValue(_get(Select.class, spec -> spec.withId("icv")), IcvLength.ICV_128);

    assertThat(text("exact-mtu")).contains("1446");
    assertThat(text("mtu-verdict")).contains("1452 is 6 bytes too big");
  }

  @Test
  void showsTheTunnelMtuTheSandboxAgentsReport() {
    // The sandbox's agents sit on 1500-byte underlays and report the exact ICV-64 tunnel MTU.
    assertThat(text("configured-mtu")).contains("1454");
  }

  @Test
  void startsFromTheAgentsUnderlayMtuAndNamesTheClusterInTheTitleAndBanner() {
    assertThat(extMtus().getValue()).isEqualTo("1500");
    assertThat(extMtus().getHelperText()).contains("Filled in from 6 nodes' agents");
    assertThat(UI.getCurrent().getInternals().getTitle())
        .isEqualTo("MTU calculator \u00b7 sandbox (simulated) \u00b7 SecureOverlay");
    assertThat(
            _get(Div.class, spec -> spec.withClasses("cluster-banner"))
                .getElement()
                .getTextRecursively())
        .contains("SIMULATED")
        .contains("Connected to sandbox (simulated)");
  }
}
