package io.secureoverlay.ui.security;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/** Sign-in refused without checking the password: too many recent failures. */
public final class LoginThrottledException extends LockedException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public LoginThrottledException(Duration retryAfter) {
    super("too many failed sign-ins; retry in " + retryAfter.toSeconds() + " s");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
