package io.secureoverlay.agent.dataplane;

import java.util.Objects;

/**
 * Identity of an XFRM policy as SecureOverlay uses them ({@code xfrm_userpolicy_id}: selector and
 * direction). The kernel also keys policies by mark and priority; SecureOverlay's policies carry no
 * mark and one fixed priority, so selector and direction identify them.
 */
public record PolicyId(TrafficSelector selector, PolicyDirection direction) {

  public PolicyId {
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(direction, "direction");
  }

  /** Mixed: see {@link HashMix}. */
  @Override
  public int hashCode() {
    return HashMix.of(selector.hashCode(), direction.ordinal());
  }

  @Override
  public String toString() {
    return direction.name().toLowerCase(java.util.Locale.ROOT) + " " + selector;
  }
}
