package io.secureoverlay.ui.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.secureoverlay.ui.cluster.ClusterSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RotationHistoryTest {

  private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");

  private final RotationHistory history = new RotationHistory(T);

  private static Instant t(double seconds) {
    return T.plusMillis(Math.round(seconds * 1000));
  }

  /** Idle, then a full rotation 1 -> 2 with three acknowledged steps; c is slow on the last. */
  private void feedOneRotation(Snapshots s) {
    history.observe(s.idle(t(-3600)).ackRevision(5).at(t(0)));
    s.rotating(1, 2, "InstallInbound", t(0.8)).ackRevision(6);
    history.observe(s.at(t(1.0)));
    history.observe(s.acknowledged("a", 6).at(t(1.25)));
    history.observe(s.acknowledged("b", 6).acknowledged("c", 6).at(t(1.5)));
    s.rotating(1, 2, "SwitchOutbound", t(0.8)).ackRevision(7);
    history.observe(s.acknowledged("a", 7).acknowledged("b", 7).acknowledged("c", 7).at(t(2.0)));
    history.observe(s.rotating(1, 2, "RetireGrace", t(0.8)).at(t(2.25)));
    s.rotating(1, 2, "RemoveRetired", t(0.8)).ackRevision(8);
    history.observe(s.at(t(17.0)));
    history.observe(s.acknowledged("a", 8).at(t(17.25)));
    history.observe(s.acknowledged("b", 8).lagging("c").at(t(17.5)));
    history.observe(s.acknowledged("c", 8).lagging().at(t(18.0)));
    history.observe(s.idle(t(18.1)).at(t(18.25)));
  }

  @Test
  void recordsARotationWithTheMastersStartEndAndEachNodesAcknowledgement() {
    feedOneRotation(new Snapshots("a", "b", "c"));

    assertThat(history.rotations()).hasSize(1);
    RotationRecord r = history.rotations().get(0);
    assertThat(r.fromEpoch()).isEqualTo(1L);
    assertThat(r.toEpoch()).isEqualTo(2L);
    assertThat(r.startedAt()).isEqualTo(t(0.8));
    assertThat(r.endedAt()).isEqualTo(t(18.1));
    assertThat(r.duration()).isEqualTo(Duration.ofMillis(17_300));
    assertThat(r.nodes()).isEqualTo(3);
    assertThat(r.outcome()).isEqualTo(RotationRecord.Outcome.COMPLETED);
    assertThat(r.source()).isEqualTo(RotationRecord.Source.WATCHED);
    assertThat(r.lagging()).as("reported lagging during the rotation").containsExactly("c");
    // From the first sight of the rotation (1.0 s) to the first sight of revision 8 per node.
    assertThat(r.acks())
        .containsExactly(
            new NodeAck("a", Duration.ofMillis(16_250)),
            new NodeAck("b", Duration.ofMillis(16_500)),
            new NodeAck("c", Duration.ofMillis(17_000)));
    assertThat(history.lastCompleted()).contains(r);
  }

  @Test
  void noRotationWhileTheOverlayIsIdle() {
    Snapshots s = new Snapshots("a", "b");
    history.observe(s.idle(t(-10)).ackRevision(3).at(t(0)));
    history.observe(s.acknowledged("a", 3).at(t(1)));

    assertThat(history.rotations()).isEmpty();
    assertThat(history.lastCompleted()).isEmpty();
  }

  @Test
  void aRotationInProgressWhenTheConsoleStartedHasADurationButNoPerNodeTimes() {
    Snapshots s = new Snapshots("a", "b");
    s.rotating(4, 5, "RetireGrace", t(-20)).ackRevision(10);
    history.observe(s.acknowledged("a", 10).acknowledged("b", 10).at(t(0)));
    history.observe(s.idle(t(5)).at(t(5.25)));

    RotationRecord r = history.rotations().get(0);
    assertThat(r.duration()).isEqualTo(Duration.ofSeconds(25));
    assertThat(r.acks()).isEmpty();
    assertThat(r.lagging()).isEmpty();
  }

  @Test
  void aNodeThatNeverAcknowledgedTheEndIsListedAsLaggingWithoutATime() {
    Snapshots s = new Snapshots("a", "b");
    history.observe(s.idle(t(-60)).ackRevision(2).at(t(0)));
    s.rotating(1, 2, "RemoveRetired", t(0.5)).ackRevision(3);
    history.observe(s.at(t(1)));
    history.observe(s.acknowledged("a", 3).at(t(2)));
    history.observe(s.idle(t(2.5)).at(t(3)));

    RotationRecord r = history.rotations().get(0);
    assertThat(r.acks()).containsExactly(new NodeAck("a", Duration.ofSeconds(1)));
    assertThat(r.lagging()).containsExactly("b");
  }

  @Test
  void aRotationCutShortByDisablingIsRecordedAsInterrupted() {
    Snapshots s = new Snapshots("a");
    history.observe(s.idle(t(-60)).ackRevision(2).at(t(0)));
    history.observe(s.rotating(1, 2, "InstallInbound", t(1)).ackRevision(3).at(t(1.25)));
    history.observe(s.disabling(t(3)).ackRevision(4).at(t(3.25)));

    RotationRecord r = history.rotations().get(0);
    assertThat(r.outcome()).isEqualTo(RotationRecord.Outcome.INTERRUPTED);
    assertThat(r.completed()).isFalse();
    assertThat(r.duration()).isEqualTo(Duration.ofSeconds(2));
    assertThat(history.lastCompleted()).isEmpty();
  }

  @Test
  void keepsTheNewestHundredRotationsNewestFirst() {
    Snapshots s = new Snapshots("a");
    long revision = 1;
    for (int i = 0; i < RotationHistory.KEPT + 1; i++) {
      double base = i * 100.0;
      s.rotating(i + 1, i + 2, "InstallInbound", t(base)).ackRevision(++revision);
      history.observe(s.at(t(base + 0.25)));
      history.observe(s.acknowledged("a", revision).at(t(base + 0.5)));
      history.observe(s.idle(t(base + 1)).at(t(base + 1.25)));
    }

    List<RotationRecord> rotations = history.rotations();
    assertThat(rotations).hasSize(RotationHistory.KEPT);
    assertThat(rotations.get(0).toEpoch()).isEqualTo(RotationHistory.KEPT + 2L);
    assertThat(rotations.get(RotationHistory.KEPT - 1).toEpoch())
        .as("the first rotation (to epoch 2) was dropped")
        .isEqualTo(3L);
  }

  @Test
  void rebuildsEarlierRotationsFromTheMastersEventsButPrefersWhatItWatched() {
    Snapshots s = new Snapshots("a", "b", "c");
    feedOneRotation(s);
    ClusterSnapshot withEvents =
        new ClusterSnapshot(
            s.at(t(20)).overlay(),
            s.at(t(20)).nodes(),
            List.of(
                event("RotationStarted", "epoch 1 to 2: spec.rotateNowToken 'x'", t(0.8)),
                event("RotationCompleted", "epoch 2 (fingerprint ab12) in use on 3 nodes", t(18)),
                event("RotationStarted", "epoch 0 to 1: rotation interval 24h elapsed", t(-90)),
                event(
                    "RotationCompleted",
                    "epoch 1 (fingerprint cd34) in use on 6 nodes; next rotation at x",
                    t(-72)),
                event("RotationStarted", "epoch 7 to 8: never completed", t(-50))),
            t(20),
            true);
    history.observe(withEvents);

    List<RotationRecord> rotations = history.rotations();
    assertThat(rotations).extracting(RotationRecord::toEpoch).containsExactly(2L, 1L);
    assertThat(rotations.get(0).source()).isEqualTo(RotationRecord.Source.WATCHED);
    RotationRecord earlier = rotations.get(1);
    assertThat(earlier.source()).isEqualTo(RotationRecord.Source.EVENTS);
    assertThat(earlier.fromEpoch()).isZero();
    assertThat(earlier.duration()).isEqualTo(Duration.ofSeconds(18));
    assertThat(earlier.nodes()).isEqualTo(6);
    assertThat(earlier.acks()).isEmpty();
  }

  private static Event event(String reason, String message, Instant at) {
    return new EventBuilder()
        .withNewMetadata()
        .withName(reason + at.toEpochMilli())
        .endMetadata()
        .withReason(reason)
        .withMessage(message)
        .withFirstTimestamp(at.toString())
        .withLastTimestamp(at.toString())
        .build();
  }
}
