package io.secureoverlay.ui.security;

/**
 * Role names for {@code @RolesAllowed} (annotations need compile-time constants); {@link
 * ConsoleRole} is the same set as a type for configuration.
 */
public final class Roles {

  /** Sees everything, changes nothing. */
  public static final String VIEWER = "VIEWER";

  /** Enables, disables and rotates encryption: everything that changes the cluster. */
  public static final String OPERATOR = "OPERATOR";

  /** A viewer who may also export the audit log. */
  public static final String AUDITOR = "AUDITOR";

  private Roles() {}
}
