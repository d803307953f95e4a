package io.secureoverlay.ui.overview.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.secureoverlay.protocol.ConditionStatus;
import io.secureoverlay.protocol.StatusCondition;
import io.secureoverlay.ui.cluster.TimeText;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The master's Ready, Progressing and Degraded conditions, each with reason and message. */
class ConditionsPanel extends Div {

  private static final long serialVersionUID = 1L;

  private final Div rows = new Div();

  ConditionsPanel() {
    addClassNames("overview-section", "overview-conditions");
    rows.setId("overview-conditions");
    add(new H3("Conditions"), rows);
  }

  void show(List<StatusCondition> conditions, Instant now) {
    rows.removeAll();
    if (conditions.isEmpty()) {
      rows.add(new Paragraph("The master has not reported any condition yet."));
      return;
    }
    conditions.forEach(c -> rows.add(row(c, now)));
  }

  private static Div row(StatusCondition condition, Instant now) {
    Span type = new Span(condition.type());
    type.addClassName("overview-condition__type");
    String status = statusWord(condition.status());
    Span badge = new Span(status);
    badge.addClassNames(
        "overview-condition__status", "overview-condition__status--" + tone(condition));
    Span reason = new Span(condition.reason() == null ? "" : condition.reason());
    reason.addClassName("overview-condition__reason");
    Span message = new Span(condition.message() == null ? "" : condition.message());
    message.addClassName("overview-condition__message");
    Span since = new Span();
    since.addClassName("overview-condition__since");
    if (condition.lastTransitionTime() != null) {
      since.setText("since " + TimeText.describe(condition.lastTransitionTime(), now));
      since.getElement().setAttribute("title", TimeText.absolute(condition.lastTransitionTime()));
    }
    Div row = new Div(type, badge, reason, message, since);
    row.addClassName("overview-condition");
    row.setId("condition-" + condition.type().toLowerCase(Locale.ROOT));
    return row;
  }

  private static String statusWord(ConditionStatus status) {
    if (status == null) {
      return "Unknown";
    }
    return switch (status) {
      case TRUE -> "True";
      case FALSE -> "False";
      case UNKNOWN -> "Unknown";
    };
  }

  /** Ready true is good; Degraded true is bad; anything else is neutral. */
  private static String tone(StatusCondition c) {
    boolean isTrue = c.isTrue();
    if (StatusCondition.DEGRADED.equals(c.type())) {
      return isTrue ? "bad" : "good";
    }
    if (StatusCondition.READY.equals(c.type())) {
      return isTrue ? "good" : "bad";
    }
    return isTrue ? "active" : "neutral";
  }
}
