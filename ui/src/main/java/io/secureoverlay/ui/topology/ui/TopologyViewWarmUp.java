package io.secureoverlay.ui.topology.ui;

import io.secureoverlay.ui.nodes.ui.NodeDetailsDialog;
import io.secureoverlay.ui.topology.TopologyModel;
import io.secureoverlay.ui.topology.TopologyModels;
import io.secureoverlay.ui.topology.TopologyWarmUp;
import org.springframework.stereotype.Component;

/**
 * Builds the Topology view's own parts (diagram, legend, details dialog, counts line) once at start
 * with the first drawn model, then drops them: loading and first running that code cost about a
 * quarter of a second inside the first operator's request. The parts are never attached, so no UI,
 * session or fake sign-in is involved, and nothing here can reach a browser.
 */
@Component
class TopologyViewWarmUp implements TopologyWarmUp {

  private final TopologyModels models;

  TopologyViewWarmUp(TopologyModels models) {
    this.models = models;
  }

  @Override
  public void warmUp(TopologyModel model) {
    TopologyDiagram diagram = new TopologyDiagram(models::svgGraph, models::heatmapPng);
    diagram.show(model);
    new TopologyLegend();
    new NodeDetailsDialog().update(model);
    TopologyView.healthSummary(model);
  }
}
