package io.secureoverlay.ui.nodes.ui;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.secureoverlay.protocol.StatusCondition;
import io.secureoverlay.ui.cluster.TimeText;
import java.time.Instant;
import java.util.List;

/** A node's status conditions: "Ready: True (InSync): message, since 3 min ago". */
final class ConditionsList {

  private ConditionsList() {}

  static UnorderedList of(List<StatusCondition> conditions, Instant now) {
    UnorderedList list = new UnorderedList();
    list.setId("node-details-conditions");
    if (conditions == null || conditions.isEmpty()) {
      list.add(new ListItem("none reported"));
      return list;
    }
    for (StatusCondition c : conditions) {
      StringBuilder text = new StringBuilder();
      text.append(c.type()).append(": ").append(c.status() == null ? "Unknown" : label(c));
      if (c.reason() != null) {
        text.append(" (").append(c.reason()).append(')');
      }
      if (c.message() != null && !c.message().isBlank()) {
        text.append(": ").append(c.message());
      }
      ListItem item = new ListItem(text.toString());
      if (c.lastTransitionTime() != null) {
        Span since = new Span(", since " + TimeText.ago(c.lastTransitionTime(), now));
        since.getElement().setAttribute("title", TimeText.absolute(c.lastTransitionTime()));
        item.add(since);
      }
      list.add(item);
    }
    return list;
  }

  private static String label(StatusCondition c) {
    return switch (c.status()) {
      case TRUE -> "True";
      case FALSE -> "False";
      case UNKNOWN -> "Unknown";
    };
  }
}
