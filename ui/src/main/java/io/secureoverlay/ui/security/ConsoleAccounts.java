package io.secureoverlay.ui.security;

import io.secureoverlay.ui.base.ClusterIdentity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The accounts that may sign in, checked once at startup. Against a real cluster: at least one
 * account, bcrypt hashes only, and none of the sandbox's documented passwords. In the sandbox
 * without configured accounts: the documented {@link SandboxAccounts}.
 */
public final class ConsoleAccounts {

  private static final String BCRYPT_PREFIX = "{bcrypt}";
  private static final Pattern BCRYPT_HASH =
      Pattern.compile("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");

  private final Map<String, UserDetails> accounts;
  private final boolean sandboxDefaults;

  private ConsoleAccounts(Map<String, UserDetails> accounts, boolean sandboxDefaults) {
    this.accounts = Map.copyOf(accounts);
    this.sandboxDefaults = sandboxDefaults;
  }

  /**
   * @throws AccountConfigurationException listing every problem, when the accounts are unusable or
   *     unsafe for the cluster's mode
   */
  public static ConsoleAccounts from(
      ConsoleUsersProperties properties, ClusterIdentity cluster, PasswordEncoder encoder) {
    List<ConfiguredUser> users = properties.users();
    if (users.isEmpty() && cluster.isSimulated()) {
      return sandboxDefaults(encoder);
    }
    List<String> problems = new ArrayList<>();
    if (users.isEmpty()) {
      problems.add(
          "no accounts are configured (secureoverlay.users is empty), and secureoverlay.cluster.mode"
              + " is real");
    }
    Map<String, UserDetails> accounts = new LinkedHashMap<>();
    for (int i = 0; i < users.size(); i++) {
      checkUser(i, users.get(i), cluster, encoder, problems)
          .ifPresent(user -> accounts.putIfAbsent(key(user.getUsername()), user));
      String name = users.get(i).name();
      if (name != null && users.subList(0, i).stream().anyMatch(u -> sameName(u.name(), name))) {
        problems.add("secureoverlay.users[" + i + "].name '" + name + "' is configured twice");
      }
    }
    if (!problems.isEmpty()) {
      throw new AccountConfigurationException(problems);
    }
    return new ConsoleAccounts(accounts, false);
  }

  private static ConsoleAccounts sandboxDefaults(PasswordEncoder encoder) {
    Map<String, UserDetails> accounts = new LinkedHashMap<>();
    for (SandboxAccounts.SandboxAccount account : SandboxAccounts.ACCOUNTS) {
      accounts.put(
          key(account.name()),
          User.withUsername(account.name())
              .password(encoder.encode(account.password()))
              .roles(account.roles().stream().map(ConsoleRole::roleName).toArray(String[]::new))
              .build());
    }
    return new ConsoleAccounts(accounts, true);
  }

  private static Optional<UserDetails> checkUser(
      int index,
      ConfiguredUser user,
      ClusterIdentity cluster,
      PasswordEncoder encoder,
      List<String> problems) {
    String property = "secureoverlay.users[" + index + "]";
    int before = problems.size();
    if (user.name() == null || user.name().isBlank()) {
      problems.add(property + ".name is empty");
    }
    if (user.roles().isEmpty()) {
      problems.add(property + ".roles is empty: give one or more of VIEWER, OPERATOR, AUDITOR");
    }
    String hash = stripPrefix(user.passwordHash());
    if (hash == null || !BCRYPT_HASH.matcher(hash).matches()) {
      problems.add(
          property
              + ".passwordHash is not a bcrypt hash: configure the hash of the password, never the"
              + " password itself");
    } else if (!cluster.isSimulated() && hasSandboxPassword(hash, encoder)) {
      problems.add(
          property
              + " ('"
              + user.name()
              + "') uses one of the sandbox's documented passwords, which are refused for a real"
              + " cluster");
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        User.withUsername(user.name())
            .password(hash)
            .roles(user.roles().stream().map(ConsoleRole::roleName).toArray(String[]::new))
            .build());
  }

  private static boolean hasSandboxPassword(String hash, PasswordEncoder encoder) {
    return SandboxAccounts.defaultPasswords().stream()
        .anyMatch(password -> encoder.matches(password, hash));
  }

  private static String stripPrefix(String hash) {
    if (hash == null) {
      return null;
    }
    String trimmed = hash.trim();
    return trimmed.startsWith(BCRYPT_PREFIX) ? trimmed.substring(BCRYPT_PREFIX.length()) : trimmed;
  }

  private static boolean sameName(String a, String b) {
    return a != null && key(a).equals(key(b));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** True when the documented sandbox accounts are in use (the login page then names them). */
  public boolean usesSandboxDefaults() {
    return sandboxDefaults;
  }

  /** Whether a sign-in name belongs to an account (logs name only accounts, never typos). */
  public boolean isKnown(String name) {
    return name != null && accounts.containsKey(key(name));
  }

  public UserDetailsService userDetailsService() {
    return name -> {
      UserDetails account = name == null ? null : accounts.get(key(name));
      if (account == null) {
        throw new UsernameNotFoundException("no such account");
      }
      // A copy: Spring erases the credentials of the object it is handed after sign-in.
      return User.withUserDetails(account).build();
    };
  }
}
