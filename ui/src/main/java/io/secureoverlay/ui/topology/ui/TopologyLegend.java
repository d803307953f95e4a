package io.secureoverlay.ui.topology.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import io.secureoverlay.ui.topology.NodeHealth;
import io.secureoverlay.ui.topology.PairState;

/** What every colour of the topology means: the four pair states and the four node healths. */
class TopologyLegend extends Div {

  private static final long serialVersionUID = 1L;

  TopologyLegend() {
    setId("topology-legend");
    addClassName("topology-legend");
    Div pairs = new Div(new H4("Links and matrix cells: pairs of nodes"));
    pairs.addClassName("topology-legend__group");
    pairs.add(
        entry(
            PairState.ENCRYPTED_BOTH_WAYS.cssColour(),
            PairState.ENCRYPTED_BOTH_WAYS.label(),
            "each node sends ESP to the other"),
        entry(
            PairState.ONE_WAY.cssColour(),
            PairState.ONE_WAY.label(),
            "one direction is still plaintext; normal for moments while enabling or disabling"),
        entry(
            PairState.PLAINTEXT.cssColour(),
            PairState.PLAINTEXT.label(),
            "plain IPIP, as with encryption disabled"),
        entry(
            PairState.BROKEN.cssColour(),
            PairState.BROKEN.label(),
            "a node sends ESP with an epoch the other has no inbound SA for, or the other requires"
                + " ESP but receives plaintext"));
    Div nodes = new Div(new H4("Nodes (graph circles, matrix diagonal)"));
    nodes.addClassName("topology-legend__group");
    nodes.add(
        entry(
            NodeHealth.HEALTHY.cssColour(),
            NodeHealth.HEALTHY.label(),
            "reporting, in step with the plan, no error"),
        entry(
            NodeHealth.LAGGING.cssColour(),
            NodeHealth.LAGGING.label(),
            "did not acknowledge the master's plan in time"),
        entry(
            NodeHealth.UNHEALTHY.cssColour(),
            NodeHealth.UNHEALTHY.label(),
            "Ready is False, it reports an error, or no heartbeat for over 90 s"),
        entry(
            NodeHealth.MISSING.cssColour(),
            NodeHealth.MISSING.label(),
            "in the plan, but its agent has never reported (hollow circle in the graph)"));
    add(pairs, nodes);
  }

  private static Div entry(String colour, String label, String meaning) {
    Span swatch = new Span();
    swatch.addClassName("topology-legend__swatch");
    swatch.getStyle().set("background-color", colour);
    Span name = new Span(label);
    name.addClassName("topology-legend__label");
    Span explanation = new Span(meaning);
    explanation.addClassName("topology-legend__meaning");
    Div entry = new Div(swatch, name, explanation);
    entry.addClassName("topology-legend__entry");
    return entry;
  }
}
