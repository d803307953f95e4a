package io.secureoverlay.ui.keys.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.secureoverlay.ui.base.ControlEffect;
import io.secureoverlay.ui.cluster.ClusterSnapshot;
import io.secureoverlay.ui.cluster.OverlayChangeRefusedException;
import io.secureoverlay.ui.cluster.OverlayControlService;
import io.secureoverlay.ui.keys.RotationPreview;

/**
 * "Rotate now" for OPERATORs: a button that is disabled, with the reason next to it, while a
 * transition runs or encryption is off, and otherwise opens the confirmation that says what will
 * happen.
 */
class RotateNowPanel extends Div {

  private static final long serialVersionUID = 1L;

  private final transient OverlayControlService control;
  private final Button rotate = new Button("Rotate now");
  private final Span reason = new Span();
  private RotationPreview preview;

  RotateNowPanel(OverlayControlService control) {
    this.control = control;
    addClassNames("keys-card", "keys-rotate");
    rotate.setId("rotate-now");
    rotate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    ControlEffect.CHANGES_CLUSTER.mark(rotate);
    rotate.addClickListener(click -> openDialog());
    reason.setId("rotate-now-reason");
    reason.addClassName("keys-rotate__reason");
    Div row = new Div(rotate, reason);
    row.addClassName("keys-rotate__row");
    add(new H3("Rotate keys now"), row);
  }

  void show(ClusterSnapshot snapshot) {
    preview = RotationPreview.of(snapshot);
    boolean possible = preview.refusal().isEmpty();
    rotate.setEnabled(possible);
    rotate.setTooltipText(preview.refusal().orElse(null));
    reason.setText(
        preview
            .refusal()
            .orElse(
                "Starts rotating to epoch "
                    + preview.toEpoch()
                    + " at once, instead of waiting for the schedule."));
  }

  private void openDialog() {
    if (preview == null || preview.refusal().isPresent()) {
      return;
    }
    new RotateNowDialog(preview, this::confirm).open();
  }

  private void confirm() {
    try {
      control.rotateNow();
      Notification.show(
          "Rotation requested: the master starts it within seconds; watch the epochs above.",
          5000,
          Notification.Position.BOTTOM_START);
    } catch (OverlayChangeRefusedException e) {
      Notification refused =
          Notification.show(e.getMessage(), 8000, Notification.Position.BOTTOM_START);
      refused.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
  }
}
