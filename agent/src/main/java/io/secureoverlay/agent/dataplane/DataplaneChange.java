package io.secureoverlay.agent.dataplane;

/**
 * One change to the owned XFRM state, mapping 1:1 to a netlink request. {@link #describe()} is the
 * one-line text for logs and operators: identity, reqid and key fingerprint at most, never a key.
 */
public sealed interface DataplaneChange {

  String describe();

  /** {@code XFRM_MSG_NEWSA}: EXISTS if an SA with the same {@link SaId} is installed. */
  record AddSa(SaSpec sa) implements DataplaneChange {
    @Override
    public String describe() {
      return "add sa " + saText(sa);
    }
  }

  /**
   * {@code XFRM_MSG_UPDSA}: NOT_FOUND if absent. As in the kernel, a live SA's key, algorithm,
   * addresses and reqid cannot change in place: only its lifetimes do. Replace an SA whose other
   * fields differ by delete and add.
   */
  record UpdateSa(SaSpec sa) implements DataplaneChange {
    @Override
    public String describe() {
      return "update sa " + saText(sa);
    }
  }

  /** {@code XFRM_MSG_DELSA}: NOT_FOUND if absent, NOT_OWNED if the SA there is foreign. */
  record DeleteSa(SaId id) implements DataplaneChange {
    @Override
    public String describe() {
      return "delete sa " + id;
    }
  }

  /** {@code XFRM_MSG_NEWPOLICY}: EXISTS if a policy with the same {@link PolicyId} is installed. */
  record AddPolicy(Policy policy) implements DataplaneChange {
    @Override
    public String describe() {
      return "add policy " + policyText(policy);
    }
  }

  /**
   * {@code XFRM_MSG_UPDPOLICY}: replaces the policy atomically (traffic sees the old or the new
   * template, never none). NOT_FOUND if absent: unlike the bare kernel call, it never creates.
   */
  record UpdatePolicy(Policy policy) implements DataplaneChange {
    @Override
    public String describe() {
      return "update policy " + policyText(policy);
    }
  }

  /** {@code XFRM_MSG_DELPOLICY}: NOT_FOUND if absent, NOT_OWNED if the policy there is foreign. */
  record DeletePolicy(PolicyId id) implements DataplaneChange {
    @Override
    public String describe() {
      return "delete policy " + id;
    }
  }

  private static String saText(SaSpec sa) {
    return sa.id()
        + " src "
        + sa.source().getHostAddress()
        + " reqid "
        + OwnedReqids.format(sa.reqid())
        + " "
        + sa.cipher().id()
        + " icv "
        + sa.icv().bits();
  }

  private static String policyText(Policy p) {
    return p.id()
        + " tmpl "
        + p.template().protocol().name().toLowerCase(java.util.Locale.ROOT)
        + " "
        + p.template().mode().name().toLowerCase(java.util.Locale.ROOT)
        + " reqid "
        + OwnedReqids.format(p.template().reqid())
        + " priority "
        + p.priority();
  }
}
