package io.secureoverlay.agent.xfrm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A security policy: packets matching {@code selector} in {@code direction} must (ALLOW with
 * templates) or must not (BLOCK) pass through the transforms of {@code templates}.
 *
 * @param index the kernel's policy index; 0 when adding (the kernel assigns one), as reported in
 *     dumps otherwise
 * @param flags XFRM_POLICY_LOCALOK / XFRM_POLICY_ICMP bits
 */
public record XfrmPolicy(
    XfrmSelector selector,
    XfrmDirection direction,
    XfrmPolicyAction action,
    int priority,
    int index,
    List<XfrmTemplate> templates,
    XfrmLifetimeConfig lifetime,
    Optional<XfrmMark> mark,
    int flags) {

  public XfrmPolicy {
    Objects.requireNonNull(selector, "policy selector");
    Objects.requireNonNull(direction, "policy direction");
    Objects.requireNonNull(action, "policy action");
    Objects.requireNonNull(lifetime, "policy lifetime");
    Objects.requireNonNull(mark, "policy mark");
    templates = List.copyOf(templates);
    if (flags < 0 || flags > 0xff) {
      throw new IllegalArgumentException("policy flags are a __u8, got " + flags);
    }
  }

  /** An ALLOW policy with the given templates, no limits, no mark. */
  public static XfrmPolicy allow(
      XfrmSelector selector, XfrmDirection direction, int priority, List<XfrmTemplate> templates) {
    return new XfrmPolicy(
        selector,
        direction,
        XfrmPolicyAction.ALLOW,
        priority,
        0,
        templates,
        XfrmLifetimeConfig.UNLIMITED,
        Optional.empty(),
        0);
  }

  public XfrmPolicy withTemplates(List<XfrmTemplate> newTemplates) {
    return new XfrmPolicy(
        selector, direction, action, priority, index, newTemplates, lifetime, mark, flags);
  }

  public XfrmPolicy withPriority(int newPriority) {
    return new XfrmPolicy(
        selector, direction, action, newPriority, index, templates, lifetime, mark, flags);
  }

  /** Addresses this policy by selector and direction (the index is not needed). */
  public XfrmPolicyId id() {
    return new XfrmPolicyId(selector, direction, mark);
  }
}
