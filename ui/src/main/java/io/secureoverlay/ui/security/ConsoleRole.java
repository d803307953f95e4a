package io.secureoverlay.ui.security;

/** The console's roles, as configured in {@code secureoverlay.users[n].roles}. */
public enum ConsoleRole {
  VIEWER(Roles.VIEWER),
  OPERATOR(Roles.OPERATOR),
  AUDITOR(Roles.AUDITOR);

  private final String roleName;

  ConsoleRole(String roleName) {
    this.roleName = roleName;
  }

  /** The name {@code @RolesAllowed} uses (without Spring's {@code ROLE_} prefix). */
  public String roleName() {
    return roleName;
  }
}
