package io.secureoverlay.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.ui.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginAttemptLimiterTest {

  private static final String ADDRESS = "192.0.2.10";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final LoginAttemptLimiter limiter = new LoginAttemptLimiter(clock);

  private void fail(String name, String address, int times) {
    for (int i = 0; i < times; i++) {
      limiter.recordFailure(name, address);
    }
  }

  @Test
  void fourFailuresDoNotLock() {
    fail("operator", ADDRESS, 4);

    assertThat(limiter.lockedFor("operator", ADDRESS)).isEmpty();
  }

  @Test
  void theFifthFailureLocksTheAccountForThirtySeconds() {
    fail("operator", ADDRESS, 5);

    assertThat(limiter.lockedFor("operator", ADDRESS)).hasValue(Duration.ofSeconds(30));
    clock.advance(Duration.ofSeconds(29));
    assertThat(limiter.lockedFor("operator", ADDRESS)).hasValue(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.lockedFor("operator", ADDRESS)).isEmpty();
  }

  @Test
  void eachFurtherFailureDoublesTheLock() {
    fail("operator", ADDRESS, 5);
    clock.advance(Duration.ofSeconds(30));

    limiter.recordFailure("operator", ADDRESS);

    assertThat(limiter.lockedFor("operator", ADDRESS)).hasValue(Duration.ofMinutes(1));
  }

  @ParameterizedTest
  @CsvSource({"5, 30", "6, 60", "7, 120", "8, 240", "9, 480", "10, 900", "11, 900", "40, 900"})
  void lockGrowsToFifteenMinutesAtMost(int failures, long seconds) {
    assertThat(LoginAttemptLimiter.lockDuration(failures)).isEqualTo(Duration.ofSeconds(seconds));
  }

  @Test
  void theAccountIsLockedFromEveryAddress() {
    fail("operator", ADDRESS, 5);

    assertThat(limiter.lockedFor("Operator", "198.51.100.7")).isPresent();
  }

  @Test
  void anAddressGuessingManyAccountsIsLockedForAllOfThem() {
    fail("alice", ADDRESS, 2);
    fail("bob", ADDRESS, 2);
    fail("carol", ADDRESS, 1);

    assertThat(limiter.lockedFor("dave", ADDRESS)).hasValue(Duration.ofSeconds(30));
    assertThat(limiter.lockedFor("dave", "198.51.100.7")).isEmpty();
  }

  @Test
  void successClearsTheAccountButNotTheAddress() {
    fail("operator", ADDRESS, 4);

    limiter.recordSuccess("operator");
    limiter.recordFailure("operator", "198.51.100.7");

    assertThat(limiter.recordFailure("operator", "198.51.100.8")).isEqualTo(2);
    assertThat(limiter.recordFailure("viewer", ADDRESS)).isEqualTo(1);
    assertThat(limiter.lockedFor("viewer", ADDRESS)).hasValue(Duration.ofSeconds(30));
  }

  @Test
  void aQuietHourForgetsOldFailures() {
    fail("operator", ADDRESS, 4);
    clock.advance(Duration.ofHours(1));

    assertThat(limiter.recordFailure("operator", ADDRESS)).isEqualTo(1);
    assertThat(limiter.lockedFor("operator", ADDRESS)).isEmpty();
  }

  @Test
  void aLockedKeyIsNotForgottenWhileLocked() {
    fail("operator", ADDRESS, 15);
    clock.advance(Duration.ofMinutes(14));

    assertThat(limiter.lockedFor("operator", ADDRESS)).hasValue(Duration.ofMinutes(1));
  }
}
