package io.secureoverlay.ui.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.secureoverlay.ui.base.ClusterIdentity;
import io.secureoverlay.ui.security.ui.LoginView;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Sign-in for the console: Vaadin's view-level access control (every view says who may open it),
 * form login at {@code /login} throttled by {@link LoginAttemptLimiter}, and method-level checks
 * ({@code @RolesAllowed}) on every service method that changes something, so a VIEWER is refused by
 * the service even if a button were reachable.
 *
 * <p>Uses Vaadin's {@link VaadinSecurityConfigurer}: Vaadin 24.9 deprecates {@code
 * VaadinWebSecurity} for removal in its favour.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
public class ConsoleSecurityConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleSecurityConfiguration.class);

  public static final String LOGIN_PATH = "/login";

  @Bean
  public PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  @Bean
  public ConsoleAccounts consoleAccounts(
      ConsoleUsersProperties users, ClusterIdentity cluster, PasswordEncoder passwordEncoder) {
    ConsoleAccounts accounts = ConsoleAccounts.from(users, cluster, passwordEncoder);
    if (accounts.usesSandboxDefaults()) {
      LOG.warn(
          "event=sandbox_default_accounts users=operator,viewer,auditor cluster={} valid=sandbox_only",
          cluster.name());
    } else {
      LOG.info("event=accounts_loaded count={} cluster={}", users.users().size(), cluster.name());
    }
    return accounts;
  }

  @Bean
  public LoginAttemptLimiter loginAttemptLimiter(Clock clock) {
    return new LoginAttemptLimiter(clock);
  }

  /** The only AuthenticationProvider bean, so Spring uses it (and no generated default user). */
  @Bean
  public AuthenticationProvider consoleAuthenticationProvider(
      ConsoleAccounts accounts, LoginAttemptLimiter limiter, PasswordEncoder passwordEncoder) {
    DaoAuthenticationProvider passwordCheck =
        new DaoAuthenticationProvider(accounts.userDetailsService());
    passwordCheck.setPasswordEncoder(passwordEncoder);
    return new ThrottledAuthenticationProvider(passwordCheck, limiter, accounts);
  }

  @Bean
  public SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http) throws Exception {
    http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
    // Vaadin's configurer sets the form's failure URL while the chain is built, after anything
    // configured here; a post-processor on the filter itself runs last, so its handler wins. It
    // must come after the configurer: form login initialised before the configurer has set the
    // login page would put Spring's generated login page at /login instead of LoginView.
    LoginFailureHandler failureHandler = new LoginFailureHandler(LOGIN_PATH);
    http.formLogin(
        form ->
            form.withObjectPostProcessor(
                new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
                  @Override
                  public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                    filter.setAuthenticationFailureHandler(failureHandler);
                    return filter;
                  }
                }));
    return http.build();
  }
}
