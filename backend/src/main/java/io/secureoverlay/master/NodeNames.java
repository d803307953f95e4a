package io.secureoverlay.master;

import java.util.Collection;
import java.util.List;

/** Node names in events and conditions: a few by name, the rest counted. */
final class NodeNames {

  static final int SHOWN = 10;

  private NodeNames() {}

  static String list(Collection<String> names) {
    List<String> sorted = names.stream().sorted().toList();
    if (sorted.size() <= SHOWN) {
      return String.join(", ", sorted);
    }
    return String.join(", ", sorted.subList(0, SHOWN))
        + " and "
        + (sorted.size() - SHOWN)
        + " more";
  }

  static String count(int n) {
    return n + (n == 1 ? " node" : " nodes");
  }
}
