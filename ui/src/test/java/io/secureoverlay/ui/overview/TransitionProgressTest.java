package io.secureoverlay.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.SecureOverlayNode;
import io.secureoverlay.protocol.Transition;
import io.secureoverlay.protocol.TransitionKind;
import io.secureoverlay.ui.cluster.ClusterSnapshot;
import io.secureoverlay.ui.overview.TransitionProgress.StepState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransitionProgressTest {

  private static SecureOverlay enabling(String step) {
    SecureOverlay overlay = Snapshots.overlay(6);
    overlay.getSpec().setEnabled(true);
    overlay.getStatus().setPhase(OverlayPhase.ENABLING);
    overlay.getStatus().setPlanRevision(9L);
    overlay.getStatus().setAckRevision(9L);
    overlay
        .getStatus()
        .setTransition(
            new Transition(
                TransitionKind.ENABLE,
                step,
                Snapshots.NOW.minusSeconds(2),
                Snapshots.NOW,
                null,
                1L));
    return overlay;
  }

  @Test
  void ticksDoneStepsHighlightsTheCurrentOneAndCountsAcknowledgements() {
    List<SecureOverlayNode> nodes = Snapshots.nodes(6);
    for (int i = 0; i < 5; i++) {
      nodes.get(i).getStatus().setObservedPlanRevision(9L);
    }

    TransitionProgress progress =
        TransitionProgress.of(Snapshots.of(enabling("Encrypt"), nodes).build()).orElseThrow();

    assertThat(progress.steps())
        .extracting(s -> s.step().label() + "=" + s.state())
        .containsExactly(
            "Install inbound SAs=" + StepState.DONE,
            "Encrypt=" + StepState.CURRENT,
            "Enforce=" + StepState.PENDING);
    assertThat(progress.acknowledgementText()).isEqualTo("5 / 6 nodes acknowledged step Encrypt");
  }

  @Test
  void excludedNodesAndNodesWithoutAReportAreNotWaitedFor() {
    SecureOverlay overlay = enabling("InstallInbound");
    overlay.getStatus().setExcluded(List.of("node-0"));
    List<SecureOverlayNode> nodes = Snapshots.nodes(6);
    nodes.remove(5);
    nodes.forEach(n -> n.getStatus().setObservedPlanRevision(9L));

    TransitionProgress progress =
        TransitionProgress.of(Snapshots.of(overlay, nodes).build()).orElseThrow();

    assertThat(progress.acknowledged()).isEqualTo(4);
    assertThat(progress.live()).isEqualTo(4);
  }

  @Test
  void noTransitionNoProgress() {
    assertThat(
            TransitionProgress.of(Snapshots.of(Snapshots.overlay(2), Snapshots.nodes(2)).build()))
        .isEmpty();
  }

  @Test
  void theTrackerReportsHowLongAnEnableTookByTheMastersClock() {
    TransitionTracker tracker = new TransitionTracker();
    SecureOverlay running = enabling("Enforce");
    assertThat(tracker.update(Snapshots.of(running, Snapshots.nodes(6)).build())).isEmpty();

    SecureOverlay done = Snapshots.overlay(6);
    done.getSpec().setEnabled(true);
    done.getStatus().setPhase(OverlayPhase.ENABLED);
    // Started 2 s before NOW; the master stamps lastRotationAt when the enable completes.
    done.getStatus().setLastRotationAt(Snapshots.NOW.plusMillis(300));
    ClusterSnapshot after =
        Snapshots.of(done, Snapshots.nodes(6)).at(Snapshots.NOW.plusSeconds(5)).build();

    Optional<TransitionTracker.Finished> finished = tracker.update(after);

    assertThat(finished).map(TransitionTracker.Finished::text).contains("Enabled in 2.3 s");
    assertThat(tracker.update(after))
        .map(TransitionTracker.Finished::took)
        .contains(Duration.ofMillis(2300));
  }

  @Test
  void theTrackerTakesADisablesEndFromTheMastersCompletedEvent() {
    TransitionTracker tracker = new TransitionTracker();
    SecureOverlay running = Snapshots.overlay(6);
    running.getStatus().setPhase(OverlayPhase.DISABLING);
    running
        .getStatus()
        .setTransition(
            new Transition(
                TransitionKind.DISABLE, "RemoveSas", Snapshots.NOW, Snapshots.NOW, 1L, null));
    tracker.update(Snapshots.of(running, Snapshots.nodes(6)).build());

    ClusterSnapshot after =
        Snapshots.of(Snapshots.overlay(6), Snapshots.nodes(6))
            .events(Snapshots.event("DisableCompleted", Snapshots.NOW.plusMillis(4100)))
            .at(Snapshots.NOW.plusSeconds(9))
            .build();

    assertThat(tracker.update(after))
        .map(TransitionTracker.Finished::text)
        .contains("Disabled in 4.1 s");
  }

  @Test
  void aScreenThatSawNoTransitionReportsNone() {
    TransitionTracker tracker = new TransitionTracker();

    assertThat(tracker.update(Snapshots.of(Snapshots.overlay(2), Snapshots.nodes(2)).build()))
        .isEmpty();
  }
}
