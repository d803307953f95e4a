package io.secureoverlay.ui.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureoverlay.ui.base.ClusterIdentity;
import io.secureoverlay.ui.base.ClusterMode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class ConsoleAccountsTest {

  // Cost 4 keeps the test fast; the console's own encoder uses bcrypt's default cost.
  private static final BCryptPasswordEncoder ENCODER = new BCryptPasswordEncoder(4);
  private static final ClusterIdentity SANDBOX =
      new ClusterIdentity("sandbox", ClusterMode.SANDBOX);
  private static final ClusterIdentity REAL = new ClusterIdentity("prod-eu-1", ClusterMode.REAL);

  private static ConsoleUsersProperties users(ConfiguredUser... users) {
    return new ConsoleUsersProperties(List.of(users));
  }

  private static ConfiguredUser user(String name, String password, ConsoleRole... roles) {
    return new ConfiguredUser(name, ENCODER.encode(password), Set.of(roles));
  }

  private static AccountConfigurationException refusal(
      ConsoleUsersProperties users, ClusterIdentity cluster) {
    try {
      ConsoleAccounts.from(users, cluster, ENCODER);
    } catch (AccountConfigurationException e) {
      return e;
    }
    throw new AssertionError("the accounts were accepted");
  }

  @Test
  void theSandboxWithoutAccountsOffersTheDocumentedOnes() {
    ConsoleAccounts accounts = ConsoleAccounts.from(users(), SANDBOX, ENCODER);

    assertThat(accounts.usesSandboxDefaults()).isTrue();
    UserDetails operator = accounts.userDetailsService().loadUserByUsername("operator");
    assertThat(ENCODER.matches("operator", operator.getPassword())).isTrue();
    assertThat(operator.getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .containsExactly("ROLE_OPERATOR");
    assertThat(accounts.userDetailsService().loadUserByUsername("viewer").getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .containsExactly("ROLE_VIEWER");
    assertThat(accounts.isKnown("auditor")).isTrue();
  }

  @Test
  void aRealClusterWithoutAccountsRefusesToStart() {
    assertThat(refusal(users(), REAL).problems())
        .containsExactly(
            "no accounts are configured (secureoverlay.users is empty), and"
                + " secureoverlay.cluster.mode is real");
  }

  @Test
  void aRealClusterRefusesTheSandboxPasswordsEvenHashed() {
    AccountConfigurationException e =
        refusal(
            users(
                user("alice", "a long passphrase nobody guesses", ConsoleRole.OPERATOR),
                user("ops", "operator", ConsoleRole.OPERATOR)),
            REAL);

    assertThat(e.problems())
        .containsExactly(
            "secureoverlay.users[1] ('ops') uses one of the sandbox's documented passwords, which"
                + " are refused for a real cluster");
  }

  @Test
  void aPlaintextPasswordIsRefusedWithoutBeingRepeated() {
    AccountConfigurationException e =
        refusal(
            users(new ConfiguredUser("alice", "hunter2-secret", Set.of(ConsoleRole.VIEWER))),
            SANDBOX);

    assertThat(e.problems())
        .containsExactly(
            "secureoverlay.users[0].passwordHash is not a bcrypt hash: configure the hash of the"
                + " password, never the password itself");
    assertThat(e.getMessage()).doesNotContain("hunter2-secret");
  }

  @Test
  void listsEveryProblemWithItsProperty() {
    String hash = ENCODER.encode("a long passphrase nobody guesses");
    AccountConfigurationException e =
        refusal(
            users(
                new ConfiguredUser(" ", hash, Set.of(ConsoleRole.VIEWER)),
                new ConfiguredUser("bob", hash, Set.of()),
                new ConfiguredUser("carol", hash, Set.of(ConsoleRole.AUDITOR)),
                new ConfiguredUser("Carol", hash, Set.of(ConsoleRole.VIEWER))),
            REAL);

    assertThat(e.problems())
        .containsExactly(
            "secureoverlay.users[0].name is empty",
            "secureoverlay.users[1].roles is empty: give one or more of VIEWER, OPERATOR, AUDITOR",
            "secureoverlay.users[3].name 'Carol' is configured twice");
  }

  @Test
  void acceptsBcryptHashesWithOrWithoutThePrefixForARealCluster() {
    String passphrase = "correct horse battery staple";
    ConsoleAccounts accounts =
        ConsoleAccounts.from(
            users(
                new ConfiguredUser(
                    "alice", "{bcrypt}" + ENCODER.encode(passphrase), Set.of(ConsoleRole.OPERATOR)),
                user("bob", passphrase, ConsoleRole.VIEWER, ConsoleRole.AUDITOR)),
            REAL,
            ENCODER);

    assertThat(accounts.usesSandboxDefaults()).isFalse();
    UserDetails alice = accounts.userDetailsService().loadUserByUsername("ALICE");
    assertThat(ENCODER.matches(passphrase, alice.getPassword())).isTrue();
    assertThat(accounts.userDetailsService().loadUserByUsername("bob").getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_AUDITOR");
    assertThat(accounts.isKnown("operator")).isFalse();
    assertThatThrownBy(() -> accounts.userDetailsService().loadUserByUsername("operator"))
        .isInstanceOf(UsernameNotFoundException.class);
  }

  @Test
  void neitherTheConfiguredUserNorTheSandboxAccountPrintsASecret() {
    ConfiguredUser configured = user("alice", "secret", ConsoleRole.VIEWER);

    assertThat(configured.toString())
        .isEqualTo("ConfiguredUser[name=alice, roles=[VIEWER]]")
        .doesNotContain(configured.passwordHash());
    assertThat(SandboxAccounts.ACCOUNTS.get(0).toString())
        .isEqualTo("SandboxAccount[name=operator, roles=[OPERATOR]]");
  }

  @Test
  void theStartupReportNamesEveryProblemAndTheFix() {
    AccountConfigurationException e = refusal(users(), REAL);

    FailureAnalysis analysis =
        new AccountConfigurationFailureAnalyzer().analyze(new RuntimeException(e), e);

    assertThat(analysis.getDescription())
        .contains("- no accounts are configured (secureoverlay.users is empty)");
    assertThat(analysis.getAction())
        .contains("secureoverlay.users[n].passwordHash")
        .contains("exist only with secureoverlay.cluster.mode=sandbox");
  }
}
