package io.secureoverlay.ui.nodes;

import io.secureoverlay.ui.topology.NodeHealth;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which rows the nodes table shows: names or underlay IPs containing the text (any case), and only
 * the given health when one is chosen.
 *
 * @param text blank for all
 * @param health null for all
 */
public record NodeFilter(String text, NodeHealth health) implements Predicate<NodeRow> {

  public static final NodeFilter ALL = new NodeFilter("", null);

  public NodeFilter {
    text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
  }

  public NodeFilter withText(String value) {
    return new NodeFilter(value, health);
  }

  public NodeFilter withHealth(NodeHealth value) {
    return new NodeFilter(text, value);
  }

  @Override
  public boolean test(NodeRow row) {
    if (health != null && row.healthState() != health) {
      return false;
    }
    if (text.isEmpty()) {
      return true;
    }
    return row.name().toLowerCase(Locale.ROOT).contains(text)
        || row.underlay().map(ip -> ip.toLowerCase(Locale.ROOT).contains(text)).orElse(false);
  }
}
