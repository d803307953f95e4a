package io.secureoverlay.ui.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import io.secureoverlay.ui.base.ControlEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The role tests' detector must catch what it is for, or they would pass on any view. */
class ChangeControlsTest {

  @BeforeEach
  void setUp() {
    MockVaadin.setup();
  }

  @AfterEach
  void tearDown() {
    MockVaadin.tearDown();
  }

  @Test
  void flagsAnUnmarkedButtonNestedAnywhere() {
    Button enable = new Button("Enable encryption");
    enable.setId("enable");
    UI.getCurrent().add(new Div(new Div(enable)));

    assertThat(ChangeControls.offeredIn(UI.getCurrent()))
        .containsExactly("Button#enable 'Enable encryption'");
  }

  @Test
  void flagsControlsMarkedAsChangesAndEditableFieldsAndDownloads() {
    Anchor export = new Anchor("/audit.csv", "Export");
    export.getElement().setAttribute("download", true);
    UI.getCurrent()
        .add(
            ControlEffect.CHANGES_CLUSTER.mark(new Button("Rotate keys")),
            new TextField("Rotation interval"),
            export);

    assertThat(ChangeControls.offeredIn(UI.getCurrent()))
        .containsExactly(
            "Button 'Rotate keys'", "TextField 'Rotation interval'", "Anchor 'Export'");
  }

  @Test
  void ignoresLocalHiddenDisabledAndReadOnlyControls() {
    Button hidden = new Button("Disable");
    hidden.setVisible(false);
    Button disabled = new Button("Rotate");
    disabled.setEnabled(false);
    TextField readOnly = new TextField("Cipher");
    readOnly.setReadOnly(true);
    Div hiddenParent = new Div(new Button("Enforce"));
    hiddenParent.setVisible(false);
    UI.getCurrent()
        .add(
            ControlEffect.local(new Button("Copy")),
            ControlEffect.local(new TextField("External MTU")),
            hidden,
            disabled,
            readOnly,
            hiddenParent);

    assertThat(ChangeControls.offeredIn(UI.getCurrent())).isEmpty();
  }
}
