package io.secureoverlay.protocol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading and updating a conditions list the way Kubernetes conventions expect. */
public final class Conditions {

  private Conditions() {}

  public static Optional<StatusCondition> find(List<StatusCondition> conditions, String type) {
    if (conditions == null) {
      return Optional.empty();
    }
    return conditions.stream().filter(c -> type.equals(c.type())).findFirst();
  }

  /**
   * A copy of {@code conditions} with {@code next} in place of the condition of the same type,
   * appended if there was none. If the status did not change, the old {@code lastTransitionTime} is
   * kept, so the time says when the condition last flipped, not when it was last written.
   */
  public static List<StatusCondition> put(
      List<StatusCondition> conditions, StatusCondition next, Instant now) {
    Optional<StatusCondition> old = find(conditions, next.type());
    Instant since =
        old.filter(c -> c.status() == next.status())
            .map(StatusCondition::lastTransitionTime)
            .orElse(now);
    StatusCondition stamped =
        new StatusCondition(
            next.type(),
            next.status(),
            next.reason(),
            next.message(),
            since,
            next.observedGeneration());
    List<StatusCondition> out = new ArrayList<>();
    if (conditions != null) {
      conditions.forEach(c -> out.add(c.type().equals(next.type()) ? stamped : c));
    }
    if (old.isEmpty()) {
      out.add(stamped);
    }
    return out;
  }
}
