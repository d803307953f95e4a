package io.secureoverlay.master;

import io.secureoverlay.protocol.AgentPlanView;
import io.secureoverlay.protocol.EpochStatus;
import io.secureoverlay.protocol.NodeSet;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.protocol.SecureOverlayStatus;
import java.util.ArrayList;
import java.util.Optional;

/**
 * The report a correct agent writes once it has applied {@code status}
 * (docs/design/plan-protocol.md, section 3): the tests' stand-in for real agents.
 */
final class IdealReports {

  private IdealReports() {}

  static SecureOverlayNodeStatus of(SecureOverlayStatus status, String name) {
    SecureOverlayNodeStatus r = new SecureOverlayNodeStatus();
    r.setNodeName(name);
    Optional<AgentPlanView> view = AgentPlanView.of(status, name);
    if (view.isEmpty()) {
      return r;
    }
    AgentPlanView v = view.get();
    r.setObservedPlanRevision(v.planRevision());
    if (!v.selfListed()) {
      return r;
    }
    r.setInboundEpochs(new ArrayList<>(v.inboundEpochs()));
    r.setEnforce(v.enforcing().contains(v.self().index()));
    if (v.outboundEpoch().isPresent()) {
      long out = v.outboundEpoch().getAsLong();
      Long newest = null;
      for (EpochStatus e : status.getEpochs()) {
        NodeSet others = e.readyOrEmpty().without(v.self().index());
        if (e.number() <= out && !others.isEmpty()) {
          newest = e.number();
        }
      }
      r.setOutboundEpoch(newest);
    }
    return r;
  }
}
