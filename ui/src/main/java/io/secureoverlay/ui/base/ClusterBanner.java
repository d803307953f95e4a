package io.secureoverlay.ui.base;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * The header strip that always says which cluster this console drives. A sandbox is marked
 * SIMULATED; a real cluster gets the warning colour, because its buttons change real nodes.
 */
public class ClusterBanner extends Div {

  private static final long serialVersionUID = 1L;

  public ClusterBanner(ClusterIdentity cluster) {
    addClassName("cluster-banner");
    addClassName(cluster.isSimulated() ? "cluster-banner--sandbox" : "cluster-banner--real");
    getElement().setAttribute("role", "status");
    Span badge = new Span(cluster.isSimulated() ? "SIMULATED" : "REAL CLUSTER");
    badge.addClassName("cluster-banner__badge");
    Span text = new Span(cluster.bannerText());
    text.addClassName("cluster-banner__text");
    add(badge, text);
  }
}
