package io.secureoverlay.ui.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import io.secureoverlay.ui.security.ui.LoginView;
import io.secureoverlay.ui.testing.ChangeControls;
import io.secureoverlay.ui.testing.KaribuSpringTest;
import io.secureoverlay.ui.testing.OperatorOnlyProbe;
import io.secureoverlay.ui.testing.SignIn;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what. Every routed view is opened as a VIEWER, which must be offered no control that
 * changes anything; services that change something refuse every role but OPERATOR.
 */
class RoleAccessTest extends KaribuSpringTest {

  @Autowired private OperatorOnlyProbe operatorOnly;

  static Stream<String> signedInViews() {
    return routes().getRoutes().stream()
        .filter(view -> view != LoginView.class)
        .map(RoleAccessTest::path);
  }

  private static String path(Class<? extends Component> view) {
    return view.getAnnotation(Route.class).value();
  }

  @Test
  void everyRoutedViewIsChecked() {
    assertThat(signedInViews()).contains("mtu");
  }

  @ParameterizedTest
  @MethodSource("signedInViews")
  void aViewerIsOfferedNoControlThatChangesAnything(String path) {
    openAs(path, "viewer", ConsoleRole.VIEWER);

    assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo(path);
    List<String> offered = ChangeControls.offeredIn(UI.getCurrent());
    assertThat(offered).as("controls a VIEWER could change something with").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("signedInViews")
  void everyRoleCanOpenEveryReadOnlyView(String path) {
    for (ConsoleRole role : ConsoleRole.values()) {
      openAs(path, role.name().toLowerCase(), role);
      assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
          .as("location for %s", role)
          .isEqualTo(path);
      tearDownUi();
    }
  }

  @Test
  void aServiceThatChangesSomethingRefusesAViewer() {
    SignIn.as("viewer", ConsoleRole.VIEWER);

    assertThatThrownBy(operatorOnly::change).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aServiceThatChangesSomethingRefusesAnAuditor() {
    SignIn.as("auditor", ConsoleRole.AUDITOR);

    assertThatThrownBy(operatorOnly::change).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aServiceThatChangesSomethingServesAnOperator() {
    SignIn.as("operator", ConsoleRole.OPERATOR);

    assertThat(operatorOnly.change()).isPositive();
  }
}
