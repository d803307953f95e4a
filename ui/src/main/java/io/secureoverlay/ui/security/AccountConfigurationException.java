package io.secureoverlay.ui.security;

import java.util.List;

/**
 * The configured console accounts are unusable or unsafe; the console refuses to start. Carries
 * every problem found, each naming its property, and never a password or hash.
 */
public final class AccountConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public AccountConfigurationException(List<String> problems) {
    super("console accounts are misconfigured: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
