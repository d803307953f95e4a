package io.secureoverlay.ui.overview.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.secureoverlay.protocol.TransitionKind;
import io.secureoverlay.ui.base.ControlEffect;
import io.secureoverlay.ui.overview.ToggleState;
import java.util.function.Consumer;

/**
 * The operator's switch: "Enable encryption…" or "Disable encryption…". It only opens the
 * confirmation; while a transition runs it is disabled and says why.
 */
class EncryptionToggle extends Div {

  private static final long serialVersionUID = 1L;

  private final Button button = ControlEffect.CHANGES_CLUSTER.mark(new Button());
  private final Span why = new Span();
  private ToggleState state;

  EncryptionToggle(Consumer<TransitionKind> open) {
    addClassName("encryption-toggle");
    button.setId("encryption-toggle");
    button.addClickListener(click -> open.accept(state.action()));
    why.setId("encryption-toggle-reason");
    why.addClassName("encryption-toggle__reason");
    add(button, why);
  }

  void show(ToggleState next) {
    state = next;
    button.setText(next.buttonText());
    button.setEnabled(next.available());
    button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
    button.addThemeVariants(
        next.action() == TransitionKind.ENABLE
            ? ButtonVariant.LUMO_PRIMARY
            : ButtonVariant.LUMO_ERROR);
    if (next.available()) {
      button.getElement().removeAttribute("title");
    } else {
      button.getElement().setAttribute("title", next.whyNot());
    }
    why.setText(next.whyNot());
    why.setVisible(!next.available());
  }
}
