package io.secureoverlay.ui.topology;

import java.util.List;

/**
 * A node's health and every reason for it, in words an operator can act on.
 *
 * @param reasons empty for {@link NodeHealth#HEALTHY}
 */
public record HealthVerdict(NodeHealth health, List<String> reasons) {

  public HealthVerdict {
    reasons = List.copyOf(reasons);
  }

  public static HealthVerdict healthy() {
    return new HealthVerdict(NodeHealth.HEALTHY, List.of());
  }
}
