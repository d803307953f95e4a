package io.secureoverlay.agent.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.kube.StatusWritePolicy.Decision;
import io.secureoverlay.protocol.EpochCounters;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusWritePolicyTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private final StatusWritePolicy policy =
      new StatusWritePolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(2));

  @Test
  void theFirstStatusIsWrittenAtOnce() {
    assertThat(policy.decide(status(1), null, null, null, 1, T)).isEqualTo(Decision.WRITE_NOW);
  }

  @Test
  void anAcknowledgementTheMasterWaitsForIsWrittenAtOnce() {
    SecureOverlayNodeStatus written = status(4);

    assertThat(policy.decide(status(5), written, T, null, 5, T.plusMillis(1)))
        .isEqualTo(Decision.WRITE_NOW);
  }

  @Test
  void aNewerRevisionNobodyWaitsForWaitsForTheHeartbeat() {
    SecureOverlayNodeStatus written = status(5);

    assertThat(policy.decide(status(6), written, T, null, 5, T.plusSeconds(29)))
        .isEqualTo(Decision.WAIT);
    assertThat(policy.decide(status(6), written, T, null, 5, T.plusSeconds(30)))
        .isEqualTo(Decision.WRITE_NOW);
  }

  @Test
  void countersAndStatisticsAloneNeverCauseAWriteBeforeTheHeartbeat() {
    SecureOverlayNodeStatus written = status(5);
    SecureOverlayNodeStatus busier = status(5);
    busier.setCounters(new ArrayList<>(List.of(new EpochCounters(1, 10, 1, 20, 2, 0, 0))));
    busier.setXfrmStat(new java.util.LinkedHashMap<>(Map.of("XfrmInNoStates", 3L)));
    busier.setHeartbeat(T.plusSeconds(10));

    assertThat(policy.decide(busier, written, T, null, 5, T.plusSeconds(10)))
        .isEqualTo(Decision.WAIT);
  }

  @Test
  void aChangeTheMasterDerivesMembershipsFromIsWrittenAtOnce() {
    SecureOverlayNodeStatus written = status(5);
    SecureOverlayNodeStatus sending = status(5);
    sending.setOutboundEpoch(1L);

    assertThat(policy.decide(sending, written, T, null, 5, T.plusMillis(10)))
        .isEqualTo(Decision.WRITE_NOW);
  }

  @Test
  void aChangeOnlyPeopleReadIsRateLimited() {
    SecureOverlayNodeStatus written = status(5);
    SecureOverlayNodeStatus failing = status(5);
    failing.setLastError("data plane: EPERM");

    assertThat(policy.decide(failing, written, T, null, 5, T.plusMillis(500)))
        .isEqualTo(Decision.WAIT);
    assertThat(policy.decide(failing, written, T, null, 5, T.plusSeconds(1)))
        .isEqualTo(Decision.WRITE_NOW);
  }

  @Test
  void afterAFailedWriteEvenAnAcknowledgementWaitsForTheRetryInterval() {
    SecureOverlayNodeStatus written = status(4);

    assertThat(policy.decide(status(5), written, T, T.plusSeconds(1), 5, T.plusSeconds(2)))
        .isEqualTo(Decision.WAIT);
    assertThat(policy.decide(status(5), written, T, T.plusSeconds(1), 5, T.plusSeconds(3)))
        .isEqualTo(Decision.WRITE_NOW);
  }

  private static SecureOverlayNodeStatus status(long observed) {
    SecureOverlayNodeStatus s = new SecureOverlayNodeStatus();
    s.setNodeName("node-1");
    s.setObservedPlanRevision(observed);
    s.setInboundEpochs(new ArrayList<>(List.of(1L)));
    s.setHeartbeat(T);
    return s;
  }
}
