package io.secureoverlay.master;

/**
 * Enable, step 3: members that send ESP start refusing plaintext from peers that do. Every live
 * node acknowledged step 2, so everyone who could send to them already encrypts. Without
 * spec.enforce the step only waits for the acknowledgement.
 */
final class EnforceStep implements TransitionStep {

  static final String NAME = "Enforce";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(PlanContext ctx) {
    MembershipStep.maintainEnforcing(ctx);
    ctx.plan.requestAck();
  }

  @Override
  public boolean done(PlanContext ctx) {
    return ctx.allAcknowledged();
  }
}
