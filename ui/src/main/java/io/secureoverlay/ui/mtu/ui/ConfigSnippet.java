package io.secureoverlay.ui.mtu.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import io.secureoverlay.ui.base.ControlEffect;

/**
 * A read-only block of configuration with a copy button. Copying uses the browser's clipboard API
 * through one inline call (no frontend bundle needed); where the browser refuses (plain HTTP to a
 * remote host), the text stays selectable and the operator is told to copy it by hand.
 */
class ConfigSnippet extends Div {

  private static final long serialVersionUID = 1L;

  private final Pre code = new Pre();

  ConfigSnippet(String id, String title, String hint) {
    setId(id);
    addClassName("config-snippet");
    Button copy = new Button("Copy", VaadinIcon.COPY_O.create(), click -> copyToClipboard());
    copy.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    copy.getElement().setAttribute("aria-label", "Copy " + title);
    ControlEffect.local(copy);
    Div header = new Div(new H4(title), copy);
    header.addClassName("config-snippet__header");
    Div hintText = new Div(hint);
    hintText.addClassName("config-snippet__hint");
    code.addClassName("config-snippet__code");
    add(header, hintText, code);
  }

  void setCode(String text) {
    code.setText(text);
  }

  String code() {
    return code.getText();
  }

  private void copyToClipboard() {
    code.getElement()
        .executeJs("return navigator.clipboard.writeText($0)", code.getText())
        .then(
            done ->
                Notification.show(
                    "Copied to the clipboard", 2000, Notification.Position.BOTTOM_START),
            failure ->
                Notification.show(
                    "The browser did not allow copying: select the text and copy it by hand.",
                    5000,
                    Notification.Position.BOTTOM_START));
  }
}
