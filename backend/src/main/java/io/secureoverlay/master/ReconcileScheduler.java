package io.secureoverlay.master;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the reconcile on one thread, coalescing requests: however many arrive, runs start at least
 * {@code spacing} apart, so a thousand acknowledgements in a burst make a handful of plan writes. A
 * request for a later time (a timer) never delays an earlier one.
 */
final class ReconcileScheduler implements AutoCloseable {

  private final ScheduledExecutorService executor;
  private final Runnable task;
  private final long spacingNanos;
  private ScheduledFuture<?> next;
  private long nextAtNanos;
  private long lastStartNanos = System.nanoTime() - Long.MAX_VALUE / 4;

  ReconcileScheduler(Runnable task, Duration spacing) {
    this.task = task;
    this.spacingNanos = spacing.toNanos();
    ScheduledThreadPoolExecutor pool =
        new ScheduledThreadPoolExecutor(1, MasterLeadership.daemon("secureoverlay-master-loop"));
    pool.setRemoveOnCancelPolicy(true);
    this.executor = pool;
  }

  /** As soon as the spacing allows. */
  void request() {
    requestIn(Duration.ZERO);
  }

  /** In {@code delay} at the earliest (and not before the spacing allows). */
  synchronized void requestIn(Duration delay) {
    if (executor.isShutdown()) {
      return;
    }
    long now = System.nanoTime();
    long at = Math.max(now + Math.max(0, delay.toNanos()), lastStartNanos + spacingNanos);
    if (next != null && !next.isDone() && nextAtNanos - at <= 0) {
      return; // an earlier (or equal) run is already due
    }
    if (next != null) {
      next.cancel(false);
    }
    nextAtNanos = at;
    next = executor.schedule(this::run, at - now, TimeUnit.NANOSECONDS);
  }

  /** Drops the pending run, if any; a run in progress finishes. */
  synchronized void cancel() {
    if (next != null) {
      next.cancel(false);
      next = null;
    }
  }

  private void run() {
    synchronized (this) {
      lastStartNanos = System.nanoTime();
      next = null;
    }
    task.run();
  }

  /** Lets a round in progress finish (it stops writing once leadership is gone), then stops. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
