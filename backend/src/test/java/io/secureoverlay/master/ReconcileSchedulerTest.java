package io.secureoverlay.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A burst of requests makes a few runs, spaced at least the interval apart. */
class ReconcileSchedulerTest {

  @Test
  void aThousandRequestsInABurstCoalesce() {
    AtomicInteger runs = new AtomicInteger();
    try (ReconcileScheduler s =
        new ReconcileScheduler(runs::incrementAndGet, Duration.ofMillis(100))) {
      for (int i = 0; i < 1000; i++) {
        s.request();
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 1);
      await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> true);
    }
    assertThat(runs.get()).isBetween(1, 2);
  }

  @Test
  void runsAreSpacedByTheInterval() {
    List<Long> starts = new CopyOnWriteArrayList<>();
    try (ReconcileScheduler s =
        new ReconcileScheduler(() -> starts.add(System.nanoTime()), Duration.ofMillis(150))) {
      s.request();
      await().atMost(Duration.ofSeconds(5)).until(() -> starts.size() == 1);
      s.request();
      await().atMost(Duration.ofSeconds(5)).until(() -> starts.size() == 2);
    }
    assertThat(Duration.ofNanos(starts.get(1) - starts.get(0)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  void aLaterTimerDoesNotDelayAnEarlierRequest() {
    AtomicInteger runs = new AtomicInteger();
    try (ReconcileScheduler s =
        new ReconcileScheduler(runs::incrementAndGet, Duration.ofMillis(10))) {
      s.requestIn(Duration.ofMinutes(10));
      s.request();
      await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
    }
  }

  @Test
  void aCancelledRunDoesNotHappen() {
    AtomicInteger runs = new AtomicInteger();
    try (ReconcileScheduler s =
        new ReconcileScheduler(runs::incrementAndGet, Duration.ofMillis(10))) {
      s.requestIn(Duration.ofMillis(200));
      s.cancel();
      await().pollDelay(Duration.ofMillis(400)).atMost(Duration.ofSeconds(5)).until(() -> true);
    }
    assertThat(runs.get()).isZero();
  }
}
