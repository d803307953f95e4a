package io.secureoverlay.agent.xfrm;

/** A policy as the kernel reports it, with its index filled in and its usage so far. */
public record XfrmPolicyEntry(XfrmPolicy policy, XfrmLifetimeCurrent current) {

  /** Whether the installed policy is {@code wanted}, ignoring the kernel-assigned index. */
  public boolean matches(XfrmPolicy wanted) {
    return policy.selector().equals(wanted.selector())
        && policy.direction() == wanted.direction()
        && policy.action() == wanted.action()
        && policy.priority() == wanted.priority()
        && policy.templates().equals(wanted.templates())
        && policy.lifetime().equals(wanted.lifetime())
        && policy.mark().equals(wanted.mark())
        && policy.flags() == wanted.flags();
  }
}
