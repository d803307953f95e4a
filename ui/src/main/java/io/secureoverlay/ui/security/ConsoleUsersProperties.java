package io.secureoverlay.ui.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console's accounts: {@code secureoverlay.users[0].name}, {@code .passwordHash}, {@code
 * .roles}. Checked by {@link ConsoleAccounts} before the console accepts any sign-in.
 */
@ConfigurationProperties(prefix = "secureoverlay")
public record ConsoleUsersProperties(List<ConfiguredUser> users) {

  public ConsoleUsersProperties {
    users = users == null ? List.of() : List.copyOf(users);
  }
}
