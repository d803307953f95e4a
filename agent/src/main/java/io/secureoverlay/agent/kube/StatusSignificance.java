package io.secureoverlay.agent.kube;

import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.protocol.StatusCondition;
import java.util.List;
import java.util.Objects;

/**
 * Which status fields are worth a write of their own. Counters, xfrm statistics, the heartbeat and
 * the plan revision are not: they change all the time, and are written with the next write that is
 * due anyway. A plan revision the master waits for is decided by {@link StatusWritePolicy}.
 */
final class StatusSignificance {

  private StatusSignificance() {}

  /** The fields the master derives plan memberships from: a change is written at once. */
  static boolean sameForMaster(SecureOverlayNodeStatus a, SecureOverlayNodeStatus b) {
    return Objects.equals(a.getInboundEpochs(), b.getInboundEpochs())
        && Objects.equals(a.getOutboundEpoch(), b.getOutboundEpoch())
        && Objects.equals(a.getEnforce(), b.getEnforce())
        && Objects.equals(a.getSoftExpiredEpochs(), b.getSoftExpiredEpochs());
  }

  /** Every field people read, those of {@link #sameForMaster} included. */
  static boolean sameForReaders(SecureOverlayNodeStatus a, SecureOverlayNodeStatus b) {
    return Objects.equals(a.getNodeName(), b.getNodeName())
        && Objects.equals(a.getUnderlayIp(), b.getUnderlayIp())
        && Objects.equals(a.getInterfaceMtu(), b.getInterfaceMtu())
        && Objects.equals(a.getTunnelMtu(), b.getTunnelMtu())
        && Objects.equals(a.getInboundEpochs(), b.getInboundEpochs())
        && Objects.equals(a.getOutboundEpoch(), b.getOutboundEpoch())
        && Objects.equals(a.getEncryptingTo(), b.getEncryptingTo())
        && Objects.equals(a.getEnforcingFrom(), b.getEnforcingFrom())
        && Objects.equals(a.getEnforce(), b.getEnforce())
        && Objects.equals(a.getSoftExpiredEpochs(), b.getSoftExpiredEpochs())
        && Objects.equals(a.getLastError(), b.getLastError())
        && Objects.equals(a.getAgentVersion(), b.getAgentVersion())
        && sameConditions(a.getConditions(), b.getConditions());
  }

  private static boolean sameConditions(List<StatusCondition> a, List<StatusCondition> b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      StatusCondition x = a.get(i);
      StatusCondition y = b.get(i);
      if (!Objects.equals(x.type(), y.type())
          || x.status() != y.status()
          || !Objects.equals(x.reason(), y.reason())) {
        return false;
      }
    }
    return true;
  }
}
