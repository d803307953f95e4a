package io.secureoverlay.agent.xfrm;

/** One change to the kernel's XFRM tables, as a batch element. */
public sealed interface XfrmOperation {

  /** XFRM_MSG_NEWSA: fails with EEXIST if (destination, SPI, proto) is taken. */
  record AddState(XfrmState state) implements XfrmOperation {}

  /** XFRM_MSG_UPDSA: fails with ESRCH if the SA is not there. */
  record UpdateState(XfrmState state) implements XfrmOperation {}

  /** XFRM_MSG_DELSA: fails with ESRCH if the SA is not there. */
  record DeleteState(XfrmStateKey key) implements XfrmOperation {}

  /** XFRM_MSG_NEWPOLICY: fails with EEXIST if (selector, direction, mark) is taken. */
  record AddPolicy(XfrmPolicy policy) implements XfrmOperation {}

  /** XFRM_MSG_UPDPOLICY: replaces in place (atomically for traffic), or adds. */
  record UpdatePolicy(XfrmPolicy policy) implements XfrmOperation {}

  /** XFRM_MSG_DELPOLICY: fails with ENOENT if the policy is not there. */
  record DeletePolicy(XfrmPolicyId id) implements XfrmOperation {}
}
