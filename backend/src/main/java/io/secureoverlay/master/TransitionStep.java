package io.secureoverlay.master;

/**
 * One named, resumable step of a transition. Its name is persisted in {@code
 * status.transition.step}: a master that restarts finds the step there and goes on checking {@link
 * #done}; {@link #start} ran once, in the round that published the step.
 */
interface TransitionStep {

  String name();

  /** Changes the plan to ask for this step; asks for an acknowledgement if agents must act. */
  void start(PlanContext ctx);

  /** Whether the step is complete and the next may start. */
  boolean done(PlanContext ctx);
}
