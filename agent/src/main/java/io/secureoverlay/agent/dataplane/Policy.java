package io.secureoverlay.agent.dataplane;

import java.util.Objects;

/**
 * An XFRM policy with one template ({@code xfrm_userpolicy_info} + {@code XFRMA_TMPL}), action
 * allow. Used both to install a policy and to report one; a policy holds no secret.
 *
 * @param priority lower values win, as in the kernel
 */
public record Policy(PolicyId id, int priority, PolicyTemplate template) {

  public Policy {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(template, "template");
  }

  public PolicyDirection direction() {
    return id.direction();
  }

  public TrafficSelector selector() {
    return id.selector();
  }
}
