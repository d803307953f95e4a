package io.secureoverlay.master;

import io.secureoverlay.protocol.EpochState;
import io.secureoverlay.protocol.EpochStatus;
import io.secureoverlay.protocol.NodeSet;
import io.secureoverlay.protocol.Transition;
import java.util.List;

/**
 * The steps of enable, rotate and disable (docs/design/plan-protocol.md, section 4): trust the new
 * key, then use it, then remove the old one; and the reverse. Each step's barrier is "every live
 * node acknowledged", except the grace period, which waits for the clock.
 */
final class TransitionSteps {

  private TransitionSteps() {}

  /** Inbound SAs for the new epoch everywhere; nobody sends with it yet. */
  static final class InstallInbound implements TransitionStep {
    static final String NAME = "InstallInbound";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public void start(PlanContext ctx) {
      long epoch = ctx.plan.transition().toEpoch();
      if (!ctx.plan.epochs().containsKey(epoch)) {
        ctx.plan.putEpoch(
            new EpochStatus(
                epoch,
                EpochState.PENDING,
                ctx.now(),
                EpochKeys.fingerprint(ctx, epoch),
                NodeSet.empty(),
                NodeSet.empty()));
      }
      ctx.plan.requestAck();
    }

    @Override
    public boolean done(PlanContext ctx) {
      return ctx.allAcknowledged();
    }
  }

  /** Enable, step 2: everyone sends with the new epoch toward peers ready for it. */
  static final class Encrypt implements TransitionStep {
    static final String NAME = "Encrypt";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public void start(PlanContext ctx) {
      long epoch = ctx.plan.transition().toEpoch();
      ctx.plan.updateEpoch(epoch, e -> e.withState(EpochState.ACTIVE));
      ctx.plan.setOutbound(epoch);
      ctx.plan.requestAck();
    }

    @Override
    public boolean done(PlanContext ctx) {
      return ctx.allAcknowledged();
    }
  }

  /** Rotate, step 2: one policy update per peer moves senders to the new epoch. */
  static final class SwitchOutbound implements TransitionStep {
    static final String NAME = "SwitchOutbound";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public void start(PlanContext ctx) {
      Transition t = ctx.plan.transition();
      ctx.plan.updateEpoch(t.toEpoch(), e -> e.withState(EpochState.ACTIVE));
      for (EpochStatus e : List.copyOf(ctx.plan.epochs().values())) {
        if (e.number() < t.toEpoch()) {
          ctx.plan.updateEpoch(e.number(), s -> s.withState(EpochState.RETIRING));
        }
      }
      ctx.plan.setOutbound(t.toEpoch());
      ctx.plan.requestAck();
    }

    @Override
    public boolean done(PlanContext ctx) {
      return ctx.allAcknowledged();
    }
  }

  /** Rotate, step 3: the old epoch's SAs stay for spec.retireGracePeriod, for packets in flight. */
  static final class RetireGrace implements TransitionStep {
    static final String NAME = "RetireGrace";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public void start(PlanContext ctx) {
      // Nothing for agents to do: the step is the wait itself.
    }

    @Override
    public boolean done(PlanContext ctx) {
      Transition t = ctx.plan.transition();
      return !ctx.now().isBefore(t.stepStartedAt().plus(ctx.timings.retireGrace()));
    }
  }

  /** Rotate, step 4: every epoch older than the new one leaves the plan; agents delete its SAs. */
  static final class RemoveRetired implements TransitionStep {
    static final String NAME = "RemoveRetired";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public void start(PlanContext ctx) {
      long keep = ctx.plan.transition().toEpoch();
      for (long e : List.copyOf(ctx.plan.epochs().keySet())) {
        if (e < keep) {
          ctx.plan.removeEpoch(e);
        }
      }
      ctx.plan.requestAck();
    }

    @Override
    public boolean done(PlanContext ctx) {
      return ctx.allAcknowledged();
    }
  }

  /** Disable, step 1: nobody refuses plaintext any more. */
  static final class StopEnforcing implements TransitionStep {
    static final String NAME = "StopEnforcing";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public void start(PlanContext ctx) {
      ctx.plan.setEnforcing(NodeSet.empty());
      for (long e : List.copyOf(ctx.plan.epochs().keySet())) {
        ctx.plan.updateEpoch(e, s -> s.withEncrypting(NodeSet.empty()));
      }
      // Always acknowledged, even when nothing enforced: a report from before this step must not
      // pass for one after it.
      ctx.plan.requestAck();
    }

    @Override
    public boolean done(PlanContext ctx) {
      return ctx.allAcknowledged();
    }
  }

  /** Disable, step 2: everyone sends plaintext; SAs stay for packets in flight. */
  static final class StopEncrypting implements TransitionStep {
    static final String NAME = "StopEncrypting";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public void start(PlanContext ctx) {
      ctx.plan.setOutbound(null);
      for (long e : List.copyOf(ctx.plan.epochs().keySet())) {
        ctx.plan.updateEpoch(e, s -> s.withState(EpochState.RETIRING));
      }
      ctx.plan.requestAck();
    }

    @Override
    public boolean done(PlanContext ctx) {
      return ctx.allAcknowledged();
    }
  }

  /** Disable, step 3: every epoch leaves the plan; agents delete all SAs. */
  static final class RemoveSas implements TransitionStep {
    static final String NAME = "RemoveSas";

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public void start(PlanContext ctx) {
      for (long e : List.copyOf(ctx.plan.epochs().keySet())) {
        ctx.plan.removeEpoch(e);
      }
      ctx.plan.requestAck();
    }

    @Override
    public boolean done(PlanContext ctx) {
      return ctx.allAcknowledged();
    }
  }
}
