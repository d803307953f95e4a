package io.secureoverlay.ui.topology;

/**
 * Code to run once, off any UI, with the first model {@link TopologyPredrawer} draws: the view's
 * own component code, so that its classes are loaded before the first operator opens it.
 */
@FunctionalInterface
public interface TopologyWarmUp {

  void warmUp(TopologyModel model);
}
