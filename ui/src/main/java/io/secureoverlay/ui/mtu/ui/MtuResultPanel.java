package io.secureoverlay.ui.mtu.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import io.secureoverlay.mtu.MtuResult;
import io.secureoverlay.ui.mtu.ConfiguredMtuCheck;
import io.secureoverlay.ui.mtu.MtuVerdict;
import io.secureoverlay.ui.mtu.OverheadChartData;
import io.secureoverlay.ui.mtu.OverheadChartRenderer;
import java.util.OptionalInt;

/** The figures for one calculation: the numbers, the verdict, the chart and the config lines. */
class MtuResultPanel extends Div {

  private static final long serialVersionUID = 1L;

  private final MtuFigure exact = new MtuFigure("exact-mtu", "Exact tunnel MTU");
  private final MtuFigure documented = new MtuFigure("documented-mtu", "Documented rule");
  private final MtuFigure configured = new MtuFigure("configured-mtu", "Configured tunnel MTU");
  private final Div verdict = new Div();
  private final OverheadChartImage chart;
  private final ConfigSnippet ucp =
      new ConfigSnippet(
          "ucp-config",
          "UCP / MKE configuration",
          "[cluster_config] of the UCP configuration file: calico_mtu and ipip_mtu");
  private final ConfigSnippet felix =
      new ConfigSnippet(
          "felix-config",
          "Calico FelixConfiguration",
          "calicoctl apply -f: sets ipipMTU on the default FelixConfiguration");
  private final UnorderedList notes = new UnorderedList();

  MtuResultPanel(OverheadChartRenderer renderer) {
    chart = new OverheadChartImage(renderer);
    addClassName("mtu-results");
    verdict.setId("mtu-verdict");
    Div figures = new Div(exact, documented, configured);
    figures.addClassName("mtu-figures");
    notes.addClassName("mtu-notes");
    add(
        figures,
        verdict,
        section("Overhead", chart),
        section("Configuration to apply", ucp, felix),
        section("Good to know", notes));
  }

  void show(MtuResult result, OptionalInt configuredTunnelMtu) {
    MtuVerdict judgement = MtuVerdict.of(result);
    exact.show(
        Integer.toString(result.exactTunnelMtu()),
        "Largest that fits at external MTU " + result.extMtu() + ", as the kernel computes it",
        MtuFigure.Tone.GOOD);
    documented.show(
        Integer.toString(result.documentedTunnelMtu()),
        "EXTMTU \u2212 46 \u2212 ((EXTMTU \u2212 46) mod 4)"
            + (judgement.fragments() ? ": too big, fragments" : ": fits"),
        judgement.fragments() ? MtuFigure.Tone.WARNING : MtuFigure.Tone.NEUTRAL);
    ConfiguredMtuCheck check = ConfiguredMtuCheck.of(configuredTunnelMtu, result.exactTunnelMtu());
    configured.show(
        configuredTunnelMtu.isPresent()
            ? Integer.toString(configuredTunnelMtu.getAsInt())
            : "\u2014",
        check.text(),
        check.state() == ConfiguredMtuCheck.State.ABOVE_LIMIT
            ? MtuFigure.Tone.WARNING
            : MtuFigure.Tone.NEUTRAL);
    showVerdict(judgement);
    chart.show(OverheadChartData.of(result));
    ucp.setCode(result.config().ucpConfigToml());
    felix.setCode(result.config().felixConfigurationYaml());
    notes.removeAll();
    result.notes().forEach(note -> notes.add(new ListItem(note)));
  }

  private void showVerdict(MtuVerdict judgement) {
    verdict.removeAll();
    verdict.setClassName("mtu-verdict");
    verdict.addClassName(judgement.fragments() ? "mtu-verdict--warning" : "mtu-verdict--ok");
    verdict.getElement().setAttribute("role", judgement.fragments() ? "alert" : "status");
    Paragraph headline = new Paragraph(judgement.headline());
    headline.addClassName("mtu-verdict__headline");
    verdict.add(headline, new Paragraph(judgement.explanation()));
  }

  private static Component section(String title, Component... content) {
    Div section = new Div(new H3(title));
    section.addClassName("mtu-section");
    section.add(content);
    return section;
  }
}
