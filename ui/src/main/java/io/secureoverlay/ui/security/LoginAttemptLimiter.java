package io.secureoverlay.ui.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing: counts failed sign-ins per account name and per client address. The
 * {@value #FREE_FAILURES}th failure of a key and every one after it lock the key, for {@link
 * #FIRST_LOCK} the first time and twice as long each further time, up to {@link #MAX_LOCK}; while
 * locked, sign-in is refused without the password being checked. A key that has been quiet for
 * {@link #FORGET_AFTER} starts again from zero, and a successful sign-in clears its account's count
 * (not its address's: one good account must not reset the count of an address that is guessing
 * others).
 *
 * <p>Memory is bounded: at most {@link #MAX_TRACKED_KEYS} keys, the least recently failed go first,
 * so a flood of made-up names cannot exhaust the heap.
 */
public final class LoginAttemptLimiter {

  public static final int FREE_FAILURES = 5;
  public static final Duration FIRST_LOCK = Duration.ofSeconds(30);
  public static final Duration MAX_LOCK = Duration.ofMinutes(15);
  public static final Duration FORGET_AFTER = Duration.ofHours(1);
  public static final int MAX_TRACKED_KEYS = 10_000;

  private record Failures(int count, Instant last, Instant lockedUntil) {}

  private final Clock clock;
  private final Map<String, Failures> failures =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
          return size() > MAX_TRACKED_KEYS;
        }
      };

  public LoginAttemptLimiter(Clock clock) {
    this.clock = clock;
  }

  /**
   * How much longer sign-in stays refused for this account name or this address (the longer of the
   * two), or empty when it may be tried now.
   */
  public synchronized Optional<Duration> lockedFor(String accountName, String address) {
    Instant now = clock.instant();
    Duration remaining =
        max(remaining(accountKey(accountName), now), remaining(addressKey(address), now));
    return remaining.isZero() ? Optional.empty() : Optional.of(remaining);
  }

  /** Records a wrong password (or unknown name); returns the failure count of the account name. */
  public synchronized int recordFailure(String accountName, String address) {
    Instant now = clock.instant();
    recordFailure(addressKey(address), now);
    return recordFailure(accountKey(accountName), now);
  }

  public synchronized void recordSuccess(String accountName) {
    failures.remove(accountKey(accountName));
  }

  private int recordFailure(String key, Instant now) {
    Failures previous = failures.get(key);
    int count = isForgotten(previous, now) ? 1 : previous.count() + 1;
    Instant lockedUntil = count < FREE_FAILURES ? now : now.plus(lockDuration(count));
    failures.put(key, new Failures(count, now, lockedUntil));
    return count;
  }

  /** 30 s at the 5th failure, then 1, 2, 4, 8 min, then 15 min for every failure after that. */
  static Duration lockDuration(int failureCount) {
    int doublings = Math.min(failureCount - FREE_FAILURES, 10);
    Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
    return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
  }

  private Duration remaining(String key, Instant now) {
    Failures entry = failures.get(key);
    if (entry == null || !entry.lockedUntil().isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(now, entry.lockedUntil());
  }

  private static boolean isForgotten(Failures previous, Instant now) {
    return previous == null
        || (!previous.lockedUntil().isAfter(now)
            && Duration.between(previous.last(), now).compareTo(FORGET_AFTER) >= 0);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String accountKey(String accountName) {
    return "account:" + (accountName == null ? "" : accountName.trim().toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "address:" + (address == null ? "unknown" : address);
  }
}
