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

  /** A step known by its persisted name. */
  abstract static class NamedStep implements TransitionStep {
    private final String name;

    NamedStep(String name) {
      this.name = name;
    }

    @Override
    public final String name() {
      return name;
    }
  }

  /** A step that is complete once every live node has acknowledged the plan it published. */
  abstract static class AcknowledgedStep extends NamedStep {
    AcknowledgedStep(String name) {
      super(name);
    }

    @Override
    public final boolean done(PlanContext ctx) {
      return ctx.allAcknowledged();
    }
  }

  /** Inbound SAs for the new epoch everywhere; nobody sends with it yet. */
  static final class InstallInbound extends AcknowledgedStep {
    static final String NAME = "InstallInbound";

    InstallInbound() {
      super(NAME);
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
  }

  /** Enable, step 2: everyone sends with the new epoch toward peers ready for it. */
  static final class Encrypt extends AcknowledgedStep {
    static final String NAME = "Encrypt";

    Encrypt() {
      super(NAME);
    }

    @Override
    public void start(PlanContext ctx) {
      long epoch = ctx.plan.transition().toEpoch();
      ctx.plan.updateEpoch(epoch, e -> e.withState(EpochState.ACTIVE));
      ctx.plan.setOutbound(epoch);
      ctx.plan.requestAck();
    }
  }

  /** Rotate, step 2: one policy update per peer moves senders to the new epoch. */
  static final class SwitchOutbound extends AcknowledgedStep {
    static final String NAME = "SwitchOutbound";

    SwitchOutbound() {
      super(NAME);
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
  }

  /** Rotate, step 3: the old epoch's SAs stay for spec.retireGracePeriod, for packets in flight. */
  static final class RetireGrace extends NamedStep {
    static final String NAME = "RetireGrace";

    RetireGrace() {
      super(NAME);
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
  static final class RemoveRetired extends AcknowledgedStep {
    static final String NAME = "RemoveRetired";

    RemoveRetired() {
      super(NAME);
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
  }

  /** Disable, step 1: nobody refuses plaintext any more. */
  static final class StopEnforcing extends AcknowledgedStep {
    static final String NAME = "StopEnforcing";

    StopEnforcing() {
      super(NAME);
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
  }

  /** Disable, step 2: everyone sends plaintext; SAs stay for packets in flight. */
  static final class StopEncrypting extends AcknowledgedStep {
    static final String NAME = "StopEncrypting";

    StopEncrypting() {
      super(NAME);
    }

    @Override
    public void start(PlanContext ctx) {
      ctx.plan.setOutbound(null);
      for (long e : List.copyOf(ctx.plan.epochs().keySet())) {
        ctx.plan.updateEpoch(e, s -> s.withState(EpochState.RETIRING));
      }
      ctx.plan.requestAck();
    }
  }

  /** Disable, step 3: every epoch leaves the plan; agents delete all SAs. */
  static final class RemoveSas extends AcknowledgedStep {
    static final String NAME = "RemoveSas";

    RemoveSas() {
      super(NAME);
    }

    @Override
    public void start(PlanContext ctx) {
      for (long e : List.copyOf(ctx.plan.epochs().keySet())) {
        ctx.plan.removeEpoch(e);
      }
      ctx.plan.requestAck();
    }
  }
}
