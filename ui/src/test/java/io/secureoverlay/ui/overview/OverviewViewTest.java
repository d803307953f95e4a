package io.secureoverlay.ui.overview;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import io.fabric8.kubernetes.api.model.Event;
import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.sandbox.SandboxCluster;
import io.secureoverlay.ui.cluster.ClusterSnapshot;
import io.secureoverlay.ui.cluster.ClusterState;
import io.secureoverlay.ui.cluster.OverlayChangeRefusedException;
import io.secureoverlay.ui.cluster.OverlayControlService;
import io.secureoverlay.ui.security.ConsoleRole;
import io.secureoverlay.ui.testing.KaribuSpringTest;
import io.secureoverlay.ui.testing.SignIn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The overview against the real sandbox (master and six agents). Tests that enable leave the shared
 * sandbox disabled again, and every test first waits for it to be disabled and idle.
 */
class OverviewViewTest extends KaribuSpringTest {

  private static final Duration TRANSITION = Duration.ofSeconds(60);

  @Autowired private ClusterState state;
  @Autowired private SandboxCluster sandbox;
  @Autowired private OverlayControlService control;

  @BeforeEach
  void waitForADisabledIdleSandbox() {
    awaitIdle(false);
  }

  @AfterEach
  void leaveTheSandboxDisabled() {
    SignIn.signOut();
    if (Boolean.TRUE.equals(sandbox.overlay().getSpec().getEnabled())) {
      sandbox.disable();
    }
    awaitIdle(false);
  }

  private void awaitIdle(boolean enabled) {
    await()
        .atMost(TRANSITION)
        .until(
            () -> {
              ClusterSnapshot now = state.current();
              return now.phase() == (enabled ? OverlayPhase.ENABLED : OverlayPhase.DISABLED)
                  && now.status().map(s -> s.getTransition() == null).orElse(false)
                  && now.nodes().size() == 6;
            });
  }

  private static String text(String id) {
    return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
  }

  private static Button toggle() {
    return _get(Button.class, spec -> spec.withId("encryption-toggle"));
  }

  private static void openDialog() {
    eventually(TRANSITION, () -> assertThat(toggle().isEnabled()).isTrue());
    _click(toggle());
    MockVaadin.clientRoundtrip();
  }

  private long generation() {
    SecureOverlay overlay = sandbox.overlay();
    return overlay.getMetadata().getGeneration();
  }

  @Test
  void showsTheSandboxDisabledOnSixNodesWithItsEvents() {
    openAs("", "operator", ConsoleRole.OPERATOR);

    eventually(TRANSITION, () -> assertThat(text("overview-phase")).isEqualTo("Disabled"));
    assertThat(text("nodes-encrypting")).isEqualTo("0 / 6");
    assertThat(text("current-epoch")).isEqualTo("\u2014");
    assertThat(text("lagging-nodes")).isEqualTo("None");
    assertThat(text("next-rotation")).isEqualTo("\u2014");
    assertThat(_get(Grid.class, spec -> spec.withId("recent-events")).isVisible()).isTrue();
    _assertNone(Component.class, spec -> spec.withId("overview-disconnected"));
    assertThat(toggle().getText()).isEqualTo("Enable encryption\u2026");
    assertThat(UI.getCurrent().getInternals().getTitle())
        .isEqualTo("Overview \u00b7 sandbox (simulated) \u00b7 SecureOverlay");
  }

  @Test
  void theToggleTellsWhatEnablingDoesAndCancelWritesNothing() {
    openAs("", "operator", ConsoleRole.OPERATOR);
    long before = generation();

    openDialog();

    assertThat(_get(Dialog.class, spec -> spec.withId("transition-dialog")).isOpened()).isTrue();
    assertThat(text("transition-phases")).isEqualTo("Install inbound SAsEncryptEnforce");
    assertThat(text("transition-nodes")).startsWith("6 nodes take part.");
    assertThat(text("transition-concerns"))
        .isEqualTo("Every node is Ready, in step and without errors.");
    assertThat(text("transition-mtu")).startsWith("Tunnel MTU 1454 fits");
    assertThat(_get(Checkbox.class, spec -> spec.withId("enforce-checkbox")).getValue()).isTrue();
    assertThat(_get(Button.class, spec -> spec.withId("confirm-transition")).getText())
        .isEqualTo("Enable encryption");

    _click(_get(Button.class, spec -> spec.withId("cancel-transition")));
    MockVaadin.clientRoundtrip();

    _assertNone(Dialog.class, spec -> spec.withId("transition-dialog"));
    assertThat(sandbox.overlay().getSpec().getEnabled()).isFalse();
    assertThat(generation()).isEqualTo(before);
  }

  @Test
  void enablesThenDisablesOnlyWithTheClusterNameTyped() {
    openAs("", "operator", ConsoleRole.OPERATOR);
    openDialog();
    _click(_get(Button.class, spec -> spec.withId("confirm-transition")));

    List<String> acknowledgements = new ArrayList<>();
    eventually(
        TRANSITION,
        () -> {
          _find(Div.class, spec -> spec.withId("ack-progress")).stream()
              .map(ack -> ack.getElement().getTextRecursively())
              .forEach(acknowledgements::add);
          assertThat(text("overview-phase")).isEqualTo("Enabled");
        });
    // Loosely: whatever progress the polls caught is in the stepper's words.
    assertThat(acknowledgements)
        .allMatch(t -> t.matches("[0-6] / 6 nodes acknowledged step [A-Za-z ]+"), "ack text");
    assertThat(sandbox.overlay().getSpec().getEnforce()).isTrue();
    eventually(TRANSITION, () -> assertThat(text("nodes-encrypting")).isEqualTo("6 / 6"));
    assertThat(text("current-epoch")).matches("Epoch \\d+ \u00b7 fp [0-9a-f]{8}\u2026");
    assertThat(text("next-rotation")).startsWith("in ");
    // This screen watched the transition, so it says how long it took.
    assertThat(text("transition-summary")).matches("Enabled in \\d+\\.\\d s");
    eventually(
        TRANSITION,
        () ->
            assertThat(
                    _get(Grid.class, spec -> spec.withId("recent-events"))
                        .getListDataView()
                        .getItems()
                        .map(e -> ((Event) e).getReason()))
                .contains("EnableCompleted"));

    openDialog();
    assertThat(text("transition-phases")).isEqualTo("Stop enforcingStop encryptingRemove SAs");
    Button confirm = _get(Button.class, spec -> spec.withId("confirm-transition"));
    TextField name = _get(TextField.class, spec -> spec.withId("confirm-cluster-name"));
    assertThat(confirm.getText()).isEqualTo("Disable encryption");
    assertThat(confirm.isEnabled()).isFalse();
    _setValue(name, "production");
    assertThat(confirm.isEnabled()).isFalse();
    // The service checks again, whatever a browser sends.
    assertThatThrownBy(() -> control.disable("production"))
        .isInstanceOf(OverlayChangeRefusedException.class)
        .hasMessage("Type the cluster name \"sandbox\" exactly to disable encryption");
    assertThat(sandbox.overlay().getSpec().getEnabled()).isTrue();

    _setValue(name, "sandbox");
    assertThat(confirm.isEnabled()).isTrue();
    _click(confirm);

    eventually(TRANSITION, () -> assertThat(text("overview-phase")).isEqualTo("Disabled"));
    assertThat(sandbox.overlay().getSpec().getEnabled()).isFalse();
    eventually(TRANSITION, () -> assertThat(text("current-epoch")).isEqualTo("\u2014"));
  }

  @Test
  void anUnreachableApiServerShowsTheLastKnownStateUnderAWarning() {
    openAs("", "operator", ConsoleRole.OPERATOR);
    eventually(TRANSITION, () -> assertThat(text("overview-phase")).isEqualTo("Disabled"));

    sandbox.apiDown();
    try {
      eventually(
          TRANSITION,
          () ->
              assertThat(text("overview-disconnected"))
                  .contains("cannot be reached: showing last known state"));
      assertThat(text("overview-phase")).isEqualTo("Disabled");
      assertThat(text("nodes-encrypting")).isEqualTo("0 / 6");
      assertThat(toggle().isEnabled()).isFalse();
      assertThat(text("encryption-toggle-reason")).startsWith("The API server cannot be reached");
    } finally {
      sandbox.apiUp();
    }

    eventually(
        TRANSITION, () -> _assertNone(Div.class, spec -> spec.withId("overview-disconnected")));
    eventually(TRANSITION, () -> assertThat(toggle().isEnabled()).isTrue());
  }

  @Test
  void viewersAndAuditorsSeeTheStateButNoToggle() {
    for (ConsoleRole role : new ConsoleRole[] {ConsoleRole.VIEWER, ConsoleRole.AUDITOR}) {
      openAs("", role.name().toLowerCase(), role);

      eventually(TRANSITION, () -> assertThat(text("overview-phase")).isEqualTo("Disabled"));
      _assertNone(Button.class, spec -> spec.withId("encryption-toggle"));
      tearDownUi();
    }
  }

  @Test
  void theServiceRefusesAViewerAndChangesNothing() {
    long before = generation();
    SignIn.as("viewer", ConsoleRole.VIEWER);

    assertThatThrownBy(() -> control.enable(true)).isInstanceOf(AccessDeniedException.class);

    assertThat(sandbox.overlay().getSpec().getEnabled()).isFalse();
    assertThat(generation()).isEqualTo(before);
  }
}
