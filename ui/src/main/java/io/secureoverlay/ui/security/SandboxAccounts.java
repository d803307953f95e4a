package io.secureoverlay.ui.security;

import java.util.List;
import java.util.Set;

/**
 * The documented sign-ins of the sandbox (simulated cluster), used only when the console runs in
 * sandbox mode and no accounts are configured: operator/operator, viewer/viewer, auditor/auditor.
 * Against a real cluster these passwords are refused at startup, even when hashed.
 */
public final class SandboxAccounts {

  /** A documented account: its password is public by design and only valid in the sandbox. */
  public record SandboxAccount(String name, String password, Set<ConsoleRole> roles) {

    @Override
    public String toString() {
      return "SandboxAccount[name=" + name + ", roles=" + roles + "]";
    }
  }

  public static final List<SandboxAccount> ACCOUNTS =
      List.of(
          new SandboxAccount("operator", "operator", Set.of(ConsoleRole.OPERATOR)),
          new SandboxAccount("viewer", "viewer", Set.of(ConsoleRole.VIEWER)),
          new SandboxAccount("auditor", "auditor", Set.of(ConsoleRole.AUDITOR)));

  private SandboxAccounts() {}

  /** The documented passwords, to refuse them outside the sandbox. */
  public static List<String> defaultPasswords() {
    return ACCOUNTS.stream().map(SandboxAccount::password).distinct().toList();
  }
}
