package io.secureoverlay.master;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.secureoverlay.crypto.EpochSecretGenerator;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.SecureOverlayStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One master replica: competes for the Lease, and while it leads, watches the {@code
 * SecureOverlay}, every {@code SecureOverlayNode} and the Nodes, and keeps the plan and the keys
 * Secret moving. Losing the Lease stops all writes at once; another replica resumes from the plan
 * persisted in status.
 *
 * <p>Each round reads the informers' caches and the keys Secret, asks the {@link PlanEngine}, and
 * applies its decision: key changes, then the status (optimistically locked: on a conflict the
 * round is decided again from a fresh read, once), then the events.
 *
 * <p>Lifecycle: construct, {@link #start()} once, {@link #close()} once (idempotent). The client
 * stays the caller's: {@link #close()} does not close it.
 */
public final class MasterController implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MasterController.class);
  private static final Duration RETRY = Duration.ofSeconds(1);

  /**
   * How often a status write that only records progress within a step may go out: the ready count
   * and who has acknowledged so far, with no step, phase or acknowledgement revision change, no key
   * change and no event. Each status write sends the whole node table to every watcher and wakes
   * every agent; at a thousand nodes acknowledgements arrive all the time, and writing each one as
   * it came cost more than the transition it reported on. A step that completes is written at once.
   */
  static final Duration PROGRESS_WRITE_INTERVAL = Duration.ofSeconds(1);

  private final MasterSettings settings;
  private final Clock clock;
  private final ClusterGateway gateway;
  private final KeysSecretStore keys;
  private final EventRecorder events;
  private final PlanEngine engine = new PlanEngine();
  private final ReconcileScheduler scheduler;
  private final MasterLeadership leadership;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean leading;
  private volatile boolean warnedNoOverlay;

  /** Since when this replica has seen the cluster without a gap; lag clocks start no earlier. */
  private volatile Instant observingSince;

  /** When this replica last wrote the status; rounds run one at a time on the scheduler. */
  private Instant lastStatusWrite = Instant.MIN;

  public MasterController(KubernetesClient client, MasterSettings settings, Clock clock) {
    Objects.requireNonNull(client, "client");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheduler = new ReconcileScheduler(this::round, settings.minWriteInterval());
    this.gateway = new ClusterGateway(client, this::changed);
    this.keys = new KeysSecretStore(client, settings.namespace(), new EpochSecretGenerator());
    this.events = new EventRecorder(client, settings.namespace(), settings.identity(), clock);
    this.leadership = new MasterLeadership(client, settings, this::startLeading, this::stopLeading);
  }

  /**
   * Starts the informers and the leader election, and returns at once; acting begins when this
   * replica holds the Lease and the informers have their first lists.
   *
   * @throws IllegalStateException if already started or closed
   */
  public void start() {
    if (closed.get() || !started.compareAndSet(false, true)) {
      throw new IllegalStateException("a MasterController starts once");
    }
    LOG.info(
        "event=master_starting identity={} namespace={} lease={}",
        settings.identity(),
        settings.namespace(),
        settings.leaseName());
    gateway.start();
    leadership.start();
  }

  /** True while this replica holds the Lease and acts. */
  public boolean isLeader() {
    return leading;
  }

  /** Stops acting, gives up the Lease if held, stops the informers. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    leading = false;
    scheduler.cancel();
    leadership.close();
    scheduler.close();
    gateway.close();
    LOG.info("event=master_stopped identity={}", settings.identity());
  }

  private void startLeading() {
    if (closed.get()) {
      return;
    }
    observingSince = clock.instant();
    leading = true;
    LOG.info("event=leadership_acquired identity={}", settings.identity());
    scheduler.request();
  }

  private void stopLeading() {
    if (leading) {
      LOG.info("event=leadership_lost identity={} acting=false", settings.identity());
    }
    leading = false;
    scheduler.cancel();
  }

  private void changed() {
    if (leading) {
      scheduler.request();
    }
  }

  /** One round; never throws, always leaves a next round scheduled while leading. */
  private void round() {
    if (!leading) {
      return;
    }
    if (!gateway.synced()) {
      scheduler.requestIn(settings.minWriteInterval());
      return;
    }
    if (!gateway.watching()) {
      observingSince = clock.instant(); // reports may not be reaching us: restart lag clocks
    }
    Duration next = settings.resyncInterval();
    try {
      Optional<PlanDecision> decision = decideAndApply();
      if (decision.isPresent()) {
        next = untilNext(decision.get(), next);
      }
    } catch (GatewayException e) {
      LOG.warn("event=round_failed cause=\"{}\" retry_in_ms={}", e.getMessage(), RETRY.toMillis());
      observingSince = clock.instant();
      next = RETRY;
    } catch (RuntimeException e) {
      LOG.error("event=round_failed retry_in_ms={}", RETRY.toMillis(), e);
      next = RETRY;
    }
    if (leading) {
      scheduler.requestIn(next);
    }
  }

  private Optional<PlanDecision> decideAndApply() {
    Optional<SecureOverlay> overlay = gateway.overlay();
    if (overlay.isEmpty()) {
      if (!warnedNoOverlay) {
        LOG.warn(
            "event=no_secureoverlay name={} action=waiting_for_it", SecureOverlay.SINGLETON_NAME);
        warnedNoOverlay = true;
      }
      return Optional.empty();
    }
    warnedNoOverlay = false;
    PlanDecision decision = decide(overlay.get());
    if (!leading) {
      return Optional.of(decision);
    }
    keys.apply(decision.keyChanges());
    SecureOverlay about = overlay.get();
    Optional<Instant> progressDue = progressWriteDeferredUntil(overlay.get().getStatus(), decision);
    if (progressDue.isPresent()) {
      // The count will be decided again, from fresher reports, when the interval is up.
      return Optional.of(decision.wakingNoLaterThan(progressDue.get()));
    }
    if (decision.statusChanged()) {
      try {
        about = write(overlay.get(), decision);
      } catch (GatewayException e) {
        if (!e.isConflict()) {
          throw e;
        }
        LOG.info("event=status_conflict action=deciding_again_from_a_fresh_read");
        Optional<SecureOverlay> fresh = gateway.fetchOverlay();
        if (fresh.isEmpty() || !leading) {
          return Optional.empty();
        }
        decision = decide(fresh.get());
        keys.apply(decision.keyChanges());
        about = decision.statusChanged() ? write(fresh.get(), decision) : fresh.get();
      }
    }
    for (PlanEvent event : decision.events()) {
      if (leading) {
        events.record(about, event);
      }
    }
    return Optional.of(decision);
  }

  private PlanDecision decide(SecureOverlay overlay) {
    Long generation = overlay.getMetadata().getGeneration();
    PlanInput input =
        new PlanInput(
            overlay.getSpec(),
            generation == null ? 0 : generation,
            overlay.getStatus(),
            gateway.nodes(),
            gateway.reports(),
            keys.read(),
            clock.instant(),
            observingSince);
    return engine.decide(input);
  }

  private Optional<Instant> progressWriteDeferredUntil(
      SecureOverlayStatus previous, PlanDecision decision) {
    SecureOverlayStatus next = decision.status();
    boolean sameStep =
        previous != null
            && previous.getPhase() == next.getPhase()
            && Objects.equals(previous.getAckRevision(), next.getAckRevision())
            && Objects.equals(stepOf(previous), stepOf(next))
            && Objects.equals(previous.getObservedGeneration(), next.getObservedGeneration());
    if (!decision.statusChanged()
        || !sameStep
        || !decision.events().isEmpty()
        || !decision.keyChanges().isEmpty()) {
      return Optional.empty();
    }
    Instant due = lastStatusWrite.plus(PROGRESS_WRITE_INTERVAL);
    return clock.instant().isBefore(due) ? Optional.of(due) : Optional.empty();
  }

  private static Optional<String> stepOf(SecureOverlayStatus status) {
    return Optional.ofNullable(status.getTransition()).map(t -> t.kind() + "/" + t.step());
  }

  private SecureOverlay write(SecureOverlay base, PlanDecision decision) {
    SecureOverlay written = gateway.writeStatus(base, decision.status());
    lastStatusWrite = clock.instant();
    SecureOverlayStatus s = decision.status();
    if (decision.planChanged()) {
      LOG.info(
          "event=plan_published revision={} ack_revision={} phase={} step={} outbound_epoch={}"
              + " epochs={} nodes={} ready={}",
          s.getPlanRevision(),
          s.getAckRevision(),
          s.getPhase(),
          s.getTransition() == null ? "-" : s.getTransition().step(),
          s.getOutboundEpoch(),
          s.getEpochs().stream().map(e -> e.number()).toList(),
          s.getNodes().size(),
          s.getReadyNodes());
    }
    return written;
  }

  private Duration untilNext(PlanDecision decision, Duration resync) {
    if (decision.wantsImmediateFollowUp()) {
      return Duration.ZERO;
    }
    if (decision.wakeAt().isPresent()) {
      Duration until = Duration.between(clock.instant(), decision.wakeAt().get());
      if (until.compareTo(resync) < 0) {
        return until.isNegative() ? Duration.ZERO : until;
      }
    }
    return resync;
  }
}
