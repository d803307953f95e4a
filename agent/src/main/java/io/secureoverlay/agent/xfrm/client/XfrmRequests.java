package io.secureoverlay.agent.xfrm.client;

import io.secureoverlay.agent.netlink.NetlinkRequest;
import io.secureoverlay.agent.xfrm.XfrmOperation;
import io.secureoverlay.agent.xfrm.wire.XfrmPolicyCodec;
import io.secureoverlay.agent.xfrm.wire.XfrmStateCodec;

/** Maps each {@link XfrmOperation} to its netlink request. */
final class XfrmRequests {

  private XfrmRequests() {}

  static NetlinkRequest of(XfrmOperation op) {
    if (op instanceof XfrmOperation.AddState a) {
      return XfrmStateCodec.newState(a.state());
    } else if (op instanceof XfrmOperation.UpdateState u) {
      return XfrmStateCodec.updateState(u.state());
    } else if (op instanceof XfrmOperation.DeleteState d) {
      return XfrmStateCodec.deleteState(d.key());
    } else if (op instanceof XfrmOperation.AddPolicy a) {
      return XfrmPolicyCodec.newPolicy(a.policy());
    } else if (op instanceof XfrmOperation.UpdatePolicy u) {
      return XfrmPolicyCodec.updatePolicy(u.policy());
    } else if (op instanceof XfrmOperation.DeletePolicy d) {
      return XfrmPolicyCodec.deletePolicy(d.id());
    }
    throw new IllegalArgumentException("unknown XFRM operation " + op);
  }
}
