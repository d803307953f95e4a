package io.secureoverlay.ui.keys.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import io.secureoverlay.ui.base.ControlEffect;
import io.secureoverlay.ui.keys.RotationPreview;

/** The confirmation before a rotation: which epoch comes, the three steps, who may hold it up. */
class RotateNowDialog extends Dialog {

  private static final long serialVersionUID = 1L;

  RotateNowDialog(RotationPreview preview, Runnable onConfirm) {
    setId("rotate-dialog");
    addClassName("keys-rotate-dialog");
    setHeaderTitle("Rotate to epoch " + preview.toEpoch() + " now?");
    setCloseOnOutsideClick(false);
    OrderedList steps = new OrderedList();
    preview.steps().forEach(step -> steps.add(new ListItem(step)));
    steps.setId("rotate-dialog-steps");
    Paragraph lagging = new Paragraph(preview.laggingText());
    lagging.setId("rotate-dialog-lagging");
    lagging.addClassName(
        preview.lagging().isEmpty() ? "keys-rotate-dialog__ok" : "keys-rotate-dialog__warning");
    Paragraph traffic =
        new Paragraph(
            "Pod traffic keeps flowing: nodes accept the new key before anyone sends with it,"
                + " and the old key stays until the grace period is over.");
    add(steps, lagging, traffic);

    Button cancel = ControlEffect.local(new Button("Cancel", click -> close()));
    cancel.setId("cancel-rotate");
    Button confirm =
        ControlEffect.CHANGES_CLUSTER.mark(
            new Button(
                "Rotate to epoch " + preview.toEpoch(),
                click -> {
                  close();
                  onConfirm.run();
                }));
    confirm.setId("confirm-rotate");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(cancel, confirm);
  }
}
