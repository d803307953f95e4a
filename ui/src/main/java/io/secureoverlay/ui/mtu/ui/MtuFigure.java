package io.secureoverlay.ui.mtu.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** One headline number with its label and a line saying what it means. */
class MtuFigure extends Div {

  private static final long serialVersionUID = 1L;

  private final Span value = new Span();
  private final Div caption = new Div();

  MtuFigure(String id, String label) {
    setId(id);
    addClassNames("so-card", "mtu-figure");
    Div labelText = new Div(label);
    labelText.addClassName("mtu-figure__label");
    value.addClassName("mtu-figure__value");
    caption.addClassName("mtu-figure__caption");
    add(labelText, value, caption);
  }

  void show(String valueText, String captionText, Tone tone) {
    value.setText(valueText);
    caption.setText(captionText);
    for (Tone each : Tone.values()) {
      removeClassName(each.className);
    }
    addClassName(tone.className);
  }

  String valueText() {
    return value.getText();
  }

  /** How the figure is coloured: fine, a warning, or a plain fact. */
  enum Tone {
    GOOD("mtu-figure--good"),
    WARNING("mtu-figure--warning"),
    NEUTRAL("mtu-figure--neutral");

    private final String className;

    Tone(String className) {
      this.className = className;
    }
  }
}
