package io.secureoverlay.agent.kube;

import io.secureoverlay.protocol.EpochCounters;
import io.secureoverlay.protocol.NodeSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What this node's data plane holds, in the plan's terms, read back from the data plane itself
 * (never from what the agent meant to install).
 *
 * @param inboundEpochs epochs whose inbound SA from every listed peer is installed, ascending
 * @param outboundEpoch the newest epoch an out policy sends with, empty when none does
 * @param encryptingTo peers (by index) toward which an out policy sends ESP
 * @param enforcingFrom peers (by index) from which an in policy requires ESP
 * @param enforce the plan asks this node to enforce and every in policy it implies is installed
 * @param softExpiredEpochs epochs of which an installed SA reached its soft lifetime
 */
public record InstalledState(
    List<Long> inboundEpochs,
    OptionalLong outboundEpoch,
    NodeSet encryptingTo,
    NodeSet enforcingFrom,
    boolean enforce,
    List<Long> softExpiredEpochs,
    List<EpochCounters> counters) {

  public InstalledState {
    inboundEpochs = List.copyOf(inboundEpochs);
    Objects.requireNonNull(outboundEpoch, "outboundEpoch");
    Objects.requireNonNull(encryptingTo, "encryptingTo");
    Objects.requireNonNull(enforcingFrom, "enforcingFrom");
    softExpiredEpochs = List.copyOf(softExpiredEpochs);
    counters = List.copyOf(counters);
  }

  public static final InstalledState NOTHING =
      new InstalledState(
          List.of(),
          OptionalLong.empty(),
          NodeSet.empty(),
          NodeSet.empty(),
          false,
          List.of(),
          List.of());
}
