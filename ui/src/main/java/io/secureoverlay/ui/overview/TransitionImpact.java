package io.secureoverlay.ui.overview;

import io.secureoverlay.protocol.TransitionKind;
import io.secureoverlay.ui.cluster.TransitionPhases;
import java.util.List;

/**
 * What a transition will do, told to the operator before anything is written.
 *
 * @param kind enable or disable
 * @param phases the steps the master will run, in order
 * @param participatingNodes how many nodes take part
 * @param concerns nodes that are lagging or unhealthy, whose pods may lose traffic
 * @param mtu whether the tunnel MTU fits the spec's ICV
 */
public record TransitionImpact(
    TransitionKind kind,
    List<TransitionPhases.Step> phases,
    int participatingNodes,
    List<NodeConcern> concerns,
    MtuFit mtu) {

  public TransitionImpact {
    phases = List.copyOf(phases);
    concerns = List.copyOf(concerns);
  }

  /** "Install inbound SAs → Encrypt → Enforce". */
  public String phasesText() {
    return String.join(" \u2192 ", phases.stream().map(TransitionPhases.Step::label).toList());
  }
}
