package io.secureoverlay.ui.overview.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** One headline figure on the overview: a label, a value with a stable id, a caption. */
class SummaryCard extends Div {

  private static final long serialVersionUID = 1L;

  private final Span value = new Span();
  private final Span caption = new Span();

  SummaryCard(String valueId, String label) {
    addClassNames("so-card", "overview-card");
    Span title = new Span(label);
    title.addClassName("overview-card__label");
    value.setId(valueId);
    value.addClassName("overview-card__value");
    caption.addClassName("overview-card__caption");
    add(title, value, caption);
  }

  /** Shows a value; {@code tooltip} (may be null) goes into the value's title attribute. */
  void show(String text, String tooltip, String captionText, boolean attention) {
    value.setText(text);
    if (tooltip == null) {
      value.getElement().removeAttribute("title");
    } else {
      value.getElement().setAttribute("title", tooltip);
    }
    caption.setText(captionText == null ? "" : captionText);
    setClassName("overview-card--attention", attention);
  }
}
