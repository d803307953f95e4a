package io.secureoverlay.ui.testing;

import io.secureoverlay.ui.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.boot.test.context.TestComponent;

/**
 * A stand-in for the first service that changes the cluster (enable, rotate): annotated the way
 * those services must be, so the tests prove that method security is switched on and refuses every
 * role but OPERATOR, before any such service exists.
 */
@TestComponent
public class OperatorOnlyProbe {

  private int changes;

  @RolesAllowed(Roles.OPERATOR)
  public int change() {
    return ++changes;
  }
}
