package io.secureoverlay.agent.kube;

import io.secureoverlay.agent.dataplane.ChangeResult;
import io.secureoverlay.agent.dataplane.Dataplane;
import io.secureoverlay.agent.dataplane.DataplaneException;
import io.secureoverlay.agent.kube.AgentDirective.Apply;
import io.secureoverlay.agent.kube.AgentDirective.Hold;
import io.secureoverlay.agent.kube.AgentDirective.RemoveAll;
import io.secureoverlay.agent.reconcile.DesiredStateFactory;
import io.secureoverlay.agent.reconcile.NodeDesiredState;
import io.secureoverlay.agent.reconcile.NodeReconciler;
import io.secureoverlay.agent.reconcile.PeerPlan;
import io.secureoverlay.agent.reconcile.ReconcileReport;
import io.secureoverlay.protocol.NodeSet;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.protocol.SecureOverlayStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent in Kubernetes mode. Every change a watch reports asks for a pass; passes of one agent
 * run one at a time on the shared scheduler and coalesce. A pass reads the snapshot, lets {@link
 * PlanInterpreter} decide, reconciles the data plane, reads it back and offers the status to {@link
 * StatusPublisher}. A pass is skipped when nothing it depends on changed since a pass that settled,
 * and cut short when only the plan moved in a way that cannot change this node ({@link
 * PlanDigest}); a tick retries unsettled passes, runs the periodic resync and writes heartbeats.
 *
 * <p>The acknowledgement ({@code observedPlanRevision}) moves only after the reconcile for that
 * revision succeeded. While the API server is unreachable the watches keep their last objects, so
 * passes change nothing, and status writes wait for the server to return.
 */
public final class KubeModeAgent implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KubeModeAgent.class);

  private final ClusterView view;
  private final NodeReconciler reconciler;
  private final Dataplane dataplane;
  private final KubeAgentSettings settings;
  private final UnderlayMtuProbe mtuProbe;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final PlanInterpreter interpreter;
  private final PlanCache cache;
  private final NodeStatusComposer composer = new NodeStatusComposer();
  private final StatusPublisher publisher;
  private final AtomicBoolean queued = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  private AutoCloseable listener;
  private ScheduledFuture<?> ticker;
  private PassState state = PassState.INITIAL;
  private volatile AgentProgress progress =
      new AgentProgress(OptionalLong.empty(), false, Optional.empty(), 0, 0, 0);
  private long fullPasses;
  private long fullPassCpuNanos;
  private boolean touched;

  /**
   * @param cache what was computed from the last plan object; agents of one process that share a
   *     {@link ClusterView} share one, a lone agent has its own
   */
  public KubeModeAgent(
      ClusterView view,
      NodeStatusGateway statusGateway,
      NodeReconciler reconciler,
      Dataplane dataplane,
      KubeAgentSettings settings,
      UnderlayMtuProbe mtuProbe,
      ScheduledExecutorService scheduler,
      Clock clock,
      PlanCache cache) {
    this.cache = cache;
    this.interpreter = new PlanInterpreter(cache);
    this.view = view;
    this.reconciler = reconciler;
    this.dataplane = dataplane;
    this.settings = settings;
    this.mtuProbe = mtuProbe;
    this.scheduler = scheduler;
    this.clock = clock;
    this.publisher =
        new StatusPublisher(
            settings.nodeName(),
            statusGateway,
            settings.minWriteInterval(),
            settings.heartbeat(),
            settings.tick().multipliedBy(2),
            clock);
  }

  /** Starts listening and ticking; the first pass runs as soon as the scheduler gets to it. */
  public synchronized void start() {
    if (listener != null || closed.get()) {
      throw new IllegalStateException("an agent starts once");
    }
    listener = view.onChange(this::requestPass);
    long tickMillis = settings.tick().toMillis();
    ticker =
        scheduler.scheduleWithFixedDelay(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    requestPass();
    LOG.info("event=agent_started node={} mode=kubernetes", settings.nodeName());
  }

  /** Asks for a pass; any number of requests while one is queued make one pass. */
  public void requestPass() {
    if (!closed.get() && queued.compareAndSet(false, true)) {
      scheduler.execute(this::runRequestedPass);
    }
  }

  private void runRequestedPass() {
    queued.set(false);
    synchronized (this) {
      if (!closed.get()) {
        pass(false);
        recordProgress();
      }
    }
  }

  private synchronized void tick() {
    if (closed.get()) {
      return;
    }
    try {
      Instant now = clock.instant();
      boolean resyncDue = !now.isBefore(state.lastFullPass().plus(settings.resync()));
      // A pass that finds nothing new only writes what is due; one that does (a change the
      // watches delivered before this agent listened, say) catches up.
      pass(!state.settled() || resyncDue);
      recordProgress();
    } catch (RuntimeException e) {
      // A tick must never die: the scheduler would silently stop running it.
      LOG.warn("event=agent_tick_failed node={} error={}", settings.nodeName(), SafeErrors.of(e));
    }
  }

  private void pass(boolean force) {
    ClusterSnapshot snapshot = view.snapshot(settings.nodeName());
    PassInputs inputs = PassInputs.of(snapshot);
    if (!force && state.settled()) {
      if (inputs.equals(state.inputs())) {
        publishIfDue();
        return;
      }
      PassState before = state;
      if (onlyThePlanMovedAndNotForThisNode(snapshot, inputs)) {
        // The spec (tunnel MTU) or the Node (address) may have moved: the status shows those.
        if (reportChanged(before, state)
            || !Objects.equals(before.inputs().specGeneration(), inputs.specGeneration())) {
          publish();
        } else {
          publishIfDue();
        }
        return;
      }
    }
    long cpuStart = PassCpuTime.now();
    Optional<PlanDigest> digest = status(snapshot).map(cache::digest);
    PassState before = state;
    state = state.fullPass(snapshot, inputs, digest, clock.instant());
    fullPasses++;
    touched = false;
    try (AgentDirective directive = interpreter.interpret(snapshot, settings.nodeName())) {
      directive.context().ifPresent(c -> state = state.withContext(c));
      if (directive instanceof Hold hold) {
        hold(hold);
      } else if (directive instanceof RemoveAll remove) {
        record(remove.plan().revision(), reconciler.removeAll(), NodeSet.empty(), remove.reason());
      } else if (directive instanceof Apply apply) {
        apply(apply);
      }
    } catch (DataplaneException e) {
      state = state.unsettled("data plane: " + e.getMessage());
      LOG.warn("event=agent_pass_failed node={} error=\"{}\"", settings.nodeName(), e.getMessage());
    }
    if (touched || reportChanged(before, state)) {
      publish();
    } else {
      publishIfDue();
    }
    fullPassCpuNanos += PassCpuTime.since(cpuStart);
  }

  /**
   * Whether the pass changed something the status shows besides what the data plane holds: reading
   * the data plane back for the status costs as much as the reconcile that found nothing to do.
   */
  private static boolean reportChanged(PassState before, PassState after) {
    boolean enforcingBefore = before.context().map(PlanContext::selfEnforcing).orElse(false);
    boolean enforcingAfter = after.context().map(PlanContext::selfEnforcing).orElse(false);
    return before.readiness().ready() != after.readiness().ready()
        || !before.readiness().reason().equals(after.readiness().reason())
        || !before.lastError().equals(after.lastError())
        || enforcingBefore != enforcingAfter
        || !before.node().equals(after.node());
  }

  /**
   * A new plan revision whose differences cannot change this node's desired state (it only grew a
   * set another node depends on): the data plane already matches it, so it counts as applied
   * without a reconcile.
   */
  private boolean onlyThePlanMovedAndNotForThisNode(ClusterSnapshot snapshot, PassInputs inputs) {
    Optional<SecureOverlayStatus> status = status(snapshot);
    if (!state.inSync()
        || state.digest().isEmpty()
        || status.isEmpty()
        || !inputs.sameForReconcile(state.inputs())) {
      return false;
    }
    PlanDigest next = cache.digest(status.get());
    if (!state.digest().get().sameDesiredStateFor(next, settings.nodeName())) {
      return false;
    }
    long ack = status.get().getAckRevision() == null ? 0 : status.get().getAckRevision();
    state = state.movedTo(next, inputs, snapshot, ack);
    return true;
  }

  private static Optional<SecureOverlayStatus> status(ClusterSnapshot snapshot) {
    return snapshot
        .overlay()
        .map(SecureOverlay::getStatus)
        .filter(s -> s.getPlanRevision() != null);
  }

  /** Writes when an acknowledgement became due or the heartbeat (or a retry) is due. */
  private void publishIfDue() {
    long applied = state.appliedRevision().orElse(-1);
    boolean ackDue =
        applied >= state.ackRevision() && publisher.writtenObserved() < state.ackRevision();
    if (ackDue || publisher.mayBeDue()) {
      publish();
    }
  }

  private void hold(Hold hold) {
    if (!hold.reason().equals(state.holdReason())) {
      LOG.info(
          "event=agent_hold node={} problem={} reason=\"{}\"",
          settings.nodeName(),
          hold.problem(),
          hold.reason());
    }
    state = state.held(hold.reason(), hold.problem());
  }

  private void apply(Apply apply) {
    long revision = apply.plan().revision();
    NodeDesiredState desired;
    try {
      desired = DesiredStateFactory.forNode(apply.intent(), settings.nodeName());
    } catch (IllegalArgumentException e) {
      hold(new Hold("plan refused: " + e.getMessage(), true, Optional.of(apply.plan())));
      return;
    }
    try (desired) {
      NodeSet enforceFrom =
          NodeSet.of(
              desired.peers().stream()
                  .filter(PeerPlan::enforce)
                  .map(p -> p.peer().index())
                  .toList());
      record(revision, reconciler.reconcile(desired), enforceFrom, "plan applied");
    }
  }

  private void record(long revision, ReconcileReport report, NodeSet enforceFrom, String what) {
    touched = !report.results().isEmpty();
    if (report.converged()) {
      if (state.appliedRevision().orElse(-1) != revision || report.changeCount() > 0) {
        LOG.info(
            "event=agent_applied node={} revision={} detail=\"{}\" {}",
            settings.nodeName(),
            revision,
            what,
            report.summary());
      }
      state = state.applied(revision, enforceFrom);
    } else {
      String first =
          report.failures().stream()
              .findFirst()
              .map(ChangeResult::describe)
              .orElse(report.skipped().isEmpty() ? "" : report.skipped().get(0));
      state =
          state.unsettled(
              report.failures().size()
                  + " changes failed, "
                  + report.skipped().size()
                  + " held back: "
                  + first);
      LOG.warn(
          "event=agent_apply_incomplete node={} revision={} {}",
          settings.nodeName(),
          revision,
          report.summary());
    }
  }

  private void publish() {
    if (!state.inputs().synced()) {
      // Nothing worth reporting before every watch has listed once (not even this node's address).
      return;
    }
    SecureOverlayNodeStatus candidate = composeStatus();
    publisher.offer(candidate, state.ackRevision());
  }

  private SecureOverlayNodeStatus composeStatus() {
    return composer.compose(
        state, dataplane, settings, mtuProbe, clock.instant(), publisher.previousConditions());
  }

  /** Where this agent stands, as of its last pass; never waits for a pass in progress. */
  public AgentProgress progress() {
    return progress;
  }

  private void recordProgress() {
    progress =
        new AgentProgress(
            state.appliedRevision(),
            state.settled() && state.inSync(),
            state.lastError(),
            publisher.writes(),
            fullPasses,
            fullPassCpuNanos);
  }

  /** Stops watching and ticking; the data plane stays exactly as it is (a crash looks the same). */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    reconciler.dropKeys();
    synchronized (this) {
      if (ticker != null) {
        ticker.cancel(false);
      }
      if (listener != null) {
        try {
          listener.close();
        } catch (Exception e) {
          LOG.debug("event=listener_close_failed error={}", SafeErrors.of(e));
        }
      }
    }
  }

  /**
   * The orderly shutdown (SIGTERM): stop, and leave the data plane exactly as it is. In a rolling
   * update the next agent pod adopts the kernel state without a packet lost; removing it here would
   * drop the node's encrypted traffic until then. The plan removes state (disable, node left).
   */
  public void shutdown() {
    close();
    LOG.info("event=agent_stopped node={} dataplane=kept", settings.nodeName());
  }

  /** The observed plan revision; for tests. */
  OptionalLong appliedRevision() {
    return state.appliedRevision();
  }
}
