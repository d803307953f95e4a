package io.secureoverlay.ui.security;

import java.util.Set;

/**
 * One console account from configuration.
 *
 * @param name the sign-in name
 * @param passwordHash a bcrypt hash (e.g. from {@code htpasswd -bnBC 12 "" secret | tr -d ':'}),
 *     optionally prefixed {@code {bcrypt}}; never a plaintext password
 * @param roles one or more of VIEWER, OPERATOR, AUDITOR
 */
public record ConfiguredUser(String name, String passwordHash, Set<ConsoleRole> roles) {

  public ConfiguredUser {
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  /** Leaves the hash out: hashes of weak passwords can be cracked offline. */
  @Override
  public String toString() {
    return "ConfiguredUser[name=" + name + ", roles=" + roles + "]";
  }
}
