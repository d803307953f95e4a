package io.secureoverlay.ui.security;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in with {@link LoginAttemptLimiter} in front: a locked account name or address is
 * refused before its password is even checked, and every outcome is logged as one line. Only names
 * of real accounts are logged: a name nobody has is often a password typed into the wrong field.
 */
public final class ThrottledAuthenticationProvider implements AuthenticationProvider {

  private static final Logger LOG = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

  private final AuthenticationProvider passwordCheck;
  private final LoginAttemptLimiter limiter;
  private final ConsoleAccounts accounts;

  public ThrottledAuthenticationProvider(
      AuthenticationProvider passwordCheck, LoginAttemptLimiter limiter, ConsoleAccounts accounts) {
    this.passwordCheck = passwordCheck;
    this.limiter = limiter;
    this.accounts = accounts;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String name = authentication.getName();
    String address = clientAddress(authentication);
    String logName = accounts.isKnown(name) ? name : "<unknown>";
    Optional<Duration> locked = limiter.lockedFor(name, address);
    if (locked.isPresent()) {
      LOG.warn(
          "event=login_refused reason=throttled user={} client={} retry_after_s={}",
          logName,
          address,
          locked.get().toSeconds());
      throw new LoginThrottledException(locked.get());
    }
    try {
      Authentication result = passwordCheck.authenticate(authentication);
      limiter.recordSuccess(name);
      LOG.info("event=login_succeeded user={} client={}", name, address);
      return result;
    } catch (BadCredentialsException e) {
      int failures = limiter.recordFailure(name, address);
      LOG.warn("event=login_failed user={} client={} failures={}", logName, address, failures);
      throw e;
    } catch (AuthenticationException e) {
      LOG.warn(
          "event=login_failed user={} client={} reason={}",
          logName,
          address,
          e.getClass().getSimpleName());
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private static String clientAddress(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : "unknown";
  }
}
