package io.secureoverlay.master;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.protocol.Transition;
import io.secureoverlay.protocol.TransitionKind;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the keys Secret must hold, as key changes for the runtime: the plan's epochs, plus those a
 * removal step still waits on (agents not yet past it need their secrets), plus the next epoch
 * while a transition waits for it. Everything else is dropped, so the Secret holds at most three.
 */
final class EpochKeys {

  private EpochKeys() {}

  /** Whether the Secret holds {@code epoch} under the spec's cipher and ICV length. */
  static boolean usable(PlanContext ctx, long epoch) {
    return ctx.input.keys() instanceof KeysView.Present p && p.has(epoch) && matchesSpec(ctx, p);
  }

  static boolean matchesSpec(PlanContext ctx, KeysView.Present keys) {
    return keys.cipher() == specCipher(ctx) && keys.icv() == specIcv(ctx);
  }

  static Cipher specCipher(PlanContext ctx) {
    return Cipher.fromId(ctx.spec.getCipher());
  }

  static IcvLength specIcv(PlanContext ctx) {
    return IcvLength.fromBits(ctx.spec.getIcvBits());
  }

  static String fingerprint(PlanContext ctx, long epoch) {
    return ctx.input.keys() instanceof KeysView.Present p ? p.fingerprints().get(epoch) : null;
  }

  static void plan(PlanContext ctx) {
    Set<Long> stored =
        ctx.input.keys() instanceof KeysView.Present p ? p.fingerprints().keySet() : Set.of();
    SortedSet<Long> keep = new TreeSet<>(ctx.plan.epochs().keySet());
    Transition t = ctx.plan.transition();
    if (t != null && TransitionSteps.RemoveRetired.NAME.equals(t.step())) {
      stored.stream().filter(e -> e < t.toEpoch()).forEach(keep::add);
    }
    if (t != null && t.kind() == TransitionKind.DISABLE) {
      keep.addAll(stored); // nothing is created while disabling; drop all once it is over
    }
    long next = ctx.plan.lastEpoch() + 1;
    boolean create = ctx.wantsNextEpoch && !usable(ctx, next);
    if (ctx.wantsNextEpoch && !create) {
      keep.add(next);
    }
    SortedSet<Long> drop = new TreeSet<>(stored);
    drop.removeAll(keep);
    if (!drop.isEmpty()) {
      ctx.keyChanges.add(new KeyChange.DropEpochs(drop));
    }
    if (create) {
      ctx.keyChanges.add(new KeyChange.CreateEpoch(next, specCipher(ctx), specIcv(ctx)));
    }
  }
}
