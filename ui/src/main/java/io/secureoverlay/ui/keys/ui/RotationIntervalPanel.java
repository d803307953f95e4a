package io.secureoverlay.ui.keys.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.secureoverlay.protocol.SecureOverlaySpec;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.ui.base.ControlEffect;
import io.secureoverlay.ui.cluster.ClusterSnapshot;
import io.secureoverlay.ui.cluster.OverlayChangeRefusedException;
import io.secureoverlay.ui.cluster.OverlayControlService;
import io.secureoverlay.ui.cluster.TimeText;
import java.time.Instant;
import java.util.Objects;

/**
 * How often keys rotate and when the next rotation is due; OPERATORs also get the field that
 * changes {@code spec.rotationInterval}. A refused value stays in the field with the reason, and
 * nothing is written.
 */
class RotationIntervalPanel extends Div {

  private static final long serialVersionUID = 1L;

  private final transient OverlayControlService control;
  private final Span interval = new Span();
  private final Span nextRotation = new Span();
  private final TextField field = new TextField("New rotation interval");
  private String shownSpecValue;

  RotationIntervalPanel(boolean operator, OverlayControlService control) {
    this.control = control;
    addClassNames("keys-card", "keys-interval");
    interval.setId("rotation-interval-value");
    nextRotation.setId("next-rotation");
    Div facts =
        new Div(line("Rotation interval: ", interval), line("Next rotation: ", nextRotation));
    facts.addClassName("keys-facts");
    add(new H3("Rotation schedule"), facts);
    if (operator) {
      add(createEditor());
    }
  }

  private static Div line(String label, Span value) {
    Span name = new Span(label);
    name.addClassName("keys-facts__label");
    Div line = new Div(name, value);
    line.addClassName("keys-facts__line");
    return line;
  }

  private HorizontalLayout createEditor() {
    field.setId("rotation-interval");
    field.setHelperText("Whole h, m and s units, e.g. 24h, 90m or 1h30m; at least 5m.");
    field.setClearButtonVisible(false);
    ControlEffect.CHANGES_CLUSTER.mark(field);
    Button save = ControlEffect.CHANGES_CLUSTER.mark(new Button("Save", click -> save()));
    save.setId("save-rotation-interval");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout editor = new HorizontalLayout(field, save);
    editor.setAlignItems(FlexComponent.Alignment.BASELINE);
    editor.addClassName("keys-interval__editor");
    return editor;
  }

  private void save() {
    String value = field.getValue() == null ? "" : field.getValue().strip();
    try {
      control.setRotationInterval(value);
    } catch (OverlayChangeRefusedException e) {
      field.setErrorMessage(e.getMessage());
      field.setInvalid(true);
      return;
    }
    field.setInvalid(false);
    field.setErrorMessage(null);
    Notification.show(
        "Rotation interval set to "
            + value
            + ". The master counts the next rotation from the last one.",
        5000,
        Notification.Position.BOTTOM_START);
  }

  void show(ClusterSnapshot snapshot) {
    String specValue = snapshot.spec().map(SecureOverlaySpec::getRotationInterval).orElse(null);
    interval.setText(specValue == null ? "unknown" : specValue + " (spec.rotationInterval)");
    Instant next = snapshot.status().map(SecureOverlayStatus::getNextRotationAt).orElse(null);
    if (next == null) {
      nextRotation.setText("none scheduled: keys rotate only while encryption is on");
      nextRotation.getElement().removeAttribute("title");
    } else {
      nextRotation.setText(
          TimeText.describe(next, snapshot.takenAt()) + " (" + TimeText.absolute(next) + ")");
      nextRotation.setTitle(TimeText.absolute(next));
    }
    // Follow the spec only while the operator has not started typing a new value.
    if (!Objects.equals(specValue, shownSpecValue)
        && Objects.equals(emptyToNull(field.getValue()), shownSpecValue)) {
      field.setValue(specValue == null ? "" : specValue);
    }
    shownSpecValue = specValue;
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
