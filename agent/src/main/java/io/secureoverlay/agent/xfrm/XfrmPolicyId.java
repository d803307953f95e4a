package io.secureoverlay.agent.xfrm;

import java.util.Objects;
import java.util.Optional;

/**
 * Finds one policy the way {@code ip xfrm policy get/delete} does: by selector, direction and mark
 * (index 0, so the kernel looks it up by selector).
 */
public record XfrmPolicyId(
    XfrmSelector selector, XfrmDirection direction, Optional<XfrmMark> mark) {

  public XfrmPolicyId {
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(mark, "mark");
  }

  public static XfrmPolicyId of(XfrmSelector selector, XfrmDirection direction) {
    return new XfrmPolicyId(selector, direction, Optional.empty());
  }
}
