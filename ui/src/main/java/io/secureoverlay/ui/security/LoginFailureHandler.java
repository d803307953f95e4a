package io.secureoverlay.ui.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a failed sign-in back to the login page saying why in one word: {@code ?error} for a wrong
 * name or password, {@code ?locked=SECONDS} while sign-in is paused. Nothing else leaks.
 */
public final class LoginFailureHandler implements AuthenticationFailureHandler {

  public static final String ERROR_PARAMETER = "error";
  public static final String LOCKED_PARAMETER = "locked";

  private final String loginPath;
  private final RedirectStrategy redirect = new DefaultRedirectStrategy();

  public LoginFailureHandler(String loginPath) {
    this.loginPath = loginPath;
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    String target =
        exception instanceof LoginThrottledException throttled
            ? loginPath
                + "?"
                + LOCKED_PARAMETER
                + "="
                + Math.max(1, throttled.retryAfter().toSeconds())
            : loginPath + "?" + ERROR_PARAMETER;
    redirect.sendRedirect(request, response, target);
  }

  /** Rounded up, so "retry in 30 s" is never a second too early. */
  private static long wholeSecondsUp(LoginThrottledException throttled) {
    return Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
  }
}
