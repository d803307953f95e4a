package io.secureoverlay.ui.keys;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.textfield.TextField;
import io.secureoverlay.protocol.EpochStatus;
import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.sandbox.SandboxCluster;
import io.secureoverlay.ui.cluster.ClusterState;
import io.secureoverlay.ui.cluster.OverlayControlService;
import io.secureoverlay.ui.security.ConsoleRole;
import io.secureoverlay.ui.testing.ChangeControls;
import io.secureoverlay.ui.testing.KaribuSpringTest;
import io.secureoverlay.ui.testing.SignIn;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The keys view on the real sandbox: epochs, the schedule, Rotate now, history and roles. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeysViewTest extends KaribuSpringTest {

  private static final Duration SETTLE = Duration.ofSeconds(90);

  @Autowired private SandboxCluster sandbox;
  @Autowired private ClusterState state;
  @Autowired private OverlayControlService control;

  @AfterAll
  void leaveTheSandboxDisabled() {
    sandbox.disable();
    awaitSettled(OverlayPhase.DISABLED);
  }

  private void awaitSettled(OverlayPhase phase) {
    await()
        .pollInSameThread()
        .atMost(SETTLE)
        .until(
            () ->
                state.current().phase() == phase
                    && state.current().status().map(s -> s.getTransition() == null).orElse(false));
  }

  private void ensureEnabled() {
    if (state.current().phase() != OverlayPhase.ENABLED
        || state.current().status().map(SecureOverlayStatus::getTransition).isPresent()) {
      sandbox.enable();
    }
    awaitSettled(OverlayPhase.ENABLED);
  }

  private void ensureDisabled() {
    sandbox.disable();
    awaitSettled(OverlayPhase.DISABLED);
  }

  private static <C extends Component> C byId(Class<C> type, String id) {
    return _get(type, spec -> spec.withId(id));
  }

  private static String text(String id) {
    return byId(Component.class, id).getElement().getTextRecursively();
  }

  @SuppressWarnings("unchecked")
  private static Grid<Object> grid(String id) {
    return byId(Grid.class, id);
  }

  private static List<List<String>> rows(String id) {
    Grid<Object> grid = grid(id);
    return java.util.stream.IntStream.range(0, GridKt._size(grid))
        .mapToObj(i -> GridKt._getFormattedRow(grid, i))
        .toList();
  }

  private String rotationInterval() {
    return sandbox.overlay().getSpec().getRotationInterval();
  }

  @Test
  void showsTheEnabledClustersEpochWithItsFingerprintAndMarksItCurrent() {
    ensureEnabled();
    openAs("keys", "operator", ConsoleRole.OPERATOR);

    EpochStatus epoch = state.current().status().orElseThrow().getEpochs().get(0);
    List<List<String>> rows = rows("epochs-grid");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).contains("Active", epoch.fingerprint(), "6/6");
    assertThat(
            GridKt._getCellComponent(grid("epochs-grid"), 0, "epoch")
                .getElement()
                .getTextRecursively())
        .isEqualTo(epoch.number() + " current outbound");
    assertThat(epoch.fingerprint()).isNotBlank();
    assertThat(text("current-epoch-number")).isEqualTo(String.valueOf(epoch.number()));
    assertThat(text("rotation-interval-value")).contains(rotationInterval());
    assertThat(text("next-rotation")).startsWith("in ");
    assertThat(UI.getCurrent().getInternals().getTitle())
        .isEqualTo("Keys and rotation \u00b7 sandbox (simulated) \u00b7 SecureOverlay");
  }

  @Test
  void rotateNowIsDisabledWithTheReasonWhileEncryptionIsOff() {
    ensureDisabled();
    openAs("keys", "operator", ConsoleRole.OPERATOR);

    assertThat(byId(Button.class, "rotate-now").isEnabled()).isFalse();
    assertThat(text("rotate-now-reason")).contains("Encryption is off");
    assertThat(text("current-epoch-number")).isEqualTo("\u2014");
    assertThat(GridKt._size(grid("epochs-grid"))).isZero();
  }

  @Test
  void refusesInvalidIntervalsOnTheFieldAndChangesNothing() {
    ensureEnabled();
    openAs("keys", "operator", ConsoleRole.OPERATOR);
    String before = rotationInterval();
    TextField field = byId(TextField.class, "rotation-interval");

    for (String bad : List.of("3m", "abc", "-1h")) {
      _setValue(field, bad);
      _click(byId(Button.class, "save-rotation-interval"));

      assertThat(field.isInvalid()).as(bad).isTrue();
      assertThat(field.getErrorMessage())
          .as(bad)
          .startsWith("spec.rotationInterval: '" + bad + "'");
      assertThat(rotationInterval()).as(bad).isEqualTo(before);
    }
    assertThat(field.getErrorMessage()).contains("negative");
  }

  @Test
  void savesAValidIntervalToTheSpec() {
    ensureEnabled();
    openAs("keys", "operator", ConsoleRole.OPERATOR);
    String before = rotationInterval();
    String wanted = "12h".equals(before) ? "13h" : "12h";
    try {
      _setValue(byId(TextField.class, "rotation-interval"), wanted);
      _click(byId(Button.class, "save-rotation-interval"));

      assertThat(byId(TextField.class, "rotation-interval").isInvalid()).isFalse();
      await().atMost(SETTLE).until(() -> wanted.equals(rotationInterval()));
      eventually(
          SETTLE, () -> assertThat(text("rotation-interval-value")).startsWith(wanted + " "));
    } finally {
      sandbox.editSpec(spec -> spec.setRotationInterval(before));
      // The console's snapshot trails the API server; later tests read the view, so wait for it.
      await()
          .atMost(SETTLE)
          .until(
              () ->
                  state
                      .current()
                      .spec()
                      .map(spec -> before.equals(spec.getRotationInterval()))
                      .orElse(false));
    }
  }

  @Test
  void cancellingTheRotationChangesNothingAndConfirmingRotatesAndRecordsIt() {
    ensureEnabled();
    openAs("keys", "operator", ConsoleRole.OPERATOR);
    long before = Long.parseLong(text("current-epoch-number"));
    String token = sandbox.overlay().getSpec().getRotateNowToken();

    _click(byId(Button.class, "rotate-now"));
    assertThat(text("rotate-dialog-steps"))
        .contains("epoch " + (before + 1))
        .contains("6 nodes")
        .contains("spec.retireGracePeriod");
    assertThat(text("rotate-dialog-lagging")).contains("No node is lagging");
    _click(byId(Button.class, "cancel-rotate"));
    _assertNone(Dialog.class, spec -> spec.withId("rotate-dialog"));
    assertThat(sandbox.overlay().getSpec().getRotateNowToken()).isEqualTo(token);

    _click(byId(Button.class, "rotate-now"));
    _click(byId(Button.class, "confirm-rotate"));

    eventually(
        SETTLE,
        () -> {
          assertThat(byId(Button.class, "rotate-now").isEnabled()).isFalse();
          assertThat(text("rotate-now-reason")).contains("under way");
        });
    eventually(
        SETTLE,
        () -> assertThat(Long.parseLong(text("current-epoch-number"))).isGreaterThan(before));
    String epochs = before + " \u2192 " + (before + 1);
    eventually(
        SETTLE,
        () -> {
          List<List<String>> history = rows("rotation-history");
          assertThat(history).isNotEmpty();
          assertThat(history.get(0)).contains(epochs, "watched", "6");
          assertThat(history.get(0).get(3)).matches("\\d+(\\.\\d)? s|\\d+ min \\d\\d s");
        });
    assertThat(byId(Image.class, "rotation-convergence-chart").getAlt())
        .hasValueSatisfying(alt -> assertThat(alt).contains(epochs + ":"));
    assertThat(byId(Image.class, "rotation-ack-chart").getAlt())
        .hasValueSatisfying(alt -> assertThat(alt).contains("node"));
    assertThat(text("rotation-ack-caption")).contains("status.observedPlanRevision");
  }

  @Test
  void aViewerSeesTheFiguresButNoControlAndTheServiceRefusesThem() {
    openAs("keys", "viewer", ConsoleRole.VIEWER);

    assertThat(ChangeControls.offeredIn(UI.getCurrent())).isEmpty();
    _assertNone(Button.class, spec -> spec.withId("rotate-now"));
    _assertNone(TextField.class, spec -> spec.withId("rotation-interval"));
    assertThat(text("rotation-interval-value")).isNotBlank();
    String before = rotationInterval();
    SignIn.as("viewer", ConsoleRole.VIEWER);
    assertThatThrownBy(() -> control.rotateNow()).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> control.setRotationInterval("12h"))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(rotationInterval()).isEqualTo(before);
    assertThat(Objects.requireNonNull(before)).isNotBlank();
  }
}
