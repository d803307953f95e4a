package io.secureoverlay.ui.testing;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.upload.Upload;
import io.secureoverlay.ui.base.ControlEffect;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the controls on screen that could change something: every visible, enabled button, upload,
 * download link or editable field that is not declared {@link ControlEffect#LOCAL}. A VIEWER must
 * be offered none. Unmarked controls count as changes, so a new view that forgets to declare a
 * harmless control fails the role test instead of hiding a real one.
 */
public final class ChangeControls {

  private ChangeControls() {}

  /** The offending controls under the UI, described for an assertion message. */
  public static List<String> offeredIn(UI ui) {
    List<String> offenders = new ArrayList<>();
    collect(ui, offenders);
    return offenders;
  }

  private static void collect(Component component, List<String> offenders) {
    if (!component.isVisible()) {
      return;
    }
    if (isInteractive(component)
        && isEnabled(component)
        && ControlEffect.of(component).orElse(ControlEffect.CHANGES_CLUSTER)
            != ControlEffect.LOCAL) {
      offenders.add(describe(component));
    }
    component.getChildren().forEach(child -> collect(child, offenders));
  }

  private static boolean isInteractive(Component component) {
    if (component instanceof Button || component instanceof Upload) {
      return true;
    }
    if (component instanceof Anchor anchor) {
      return anchor.getElement().hasAttribute("download");
    }
    return component instanceof HasValue<?, ?> field && !field.isReadOnly();
  }

  private static boolean isEnabled(Component component) {
    return !(component instanceof HasEnabled enabled) || enabled.isEnabled();
  }

  private static String describe(Component component) {
    String id = component.getId().orElse("");
    String text =
        Stream.of(component.getElement().getText(), component.getElement().getProperty("label"))
            .filter(s -> s != null && !s.isBlank())
            .findFirst()
            .orElse("");
    return component.getClass().getSimpleName()
        + (id.isEmpty() ? "" : "#" + id)
        + (text.isEmpty() ? "" : " '" + text + "'");
  }
}
