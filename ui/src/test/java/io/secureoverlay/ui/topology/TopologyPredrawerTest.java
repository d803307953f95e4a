package io.secureoverlay.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.ui.cluster.ClusterSnapshot;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The background drawing, on a worker the test runs by hand: no Spring, no sandbox. */
class TopologyPredrawerTest {

  private final TopologyModels models =
      new TopologyModels(Clock.fixed(SyntheticCluster.NOW, ZoneOffset.UTC));
  private final ManualWorker worker = new ManualWorker();
  private final List<TopologyModel> warmedUpWith = new ArrayList<>();
  private Consumer<ClusterSnapshot> publisher;

  private TopologyPredrawer predrawer(ClusterSnapshot current) {
    return new TopologyPredrawer(
        subscriber -> {
          publisher = subscriber;
          return () -> publisher = null;
        },
        current,
        models,
        List.of(warmedUpWith::add),
        worker);
  }

  @Test
  void theModelAndPictureOfTheKnownClusterAreReadyBeforeAnyViewAsks() {
    ClusterSnapshot current = SyntheticCluster.encrypted(60).snapshot();

    predrawer(current);
    // Nothing is drawn on the caller's thread (at start: Spring's; later: the publisher's).
    assertThat(models.hasModelFor(current)).isFalse();
    worker.runAll();

    assertThat(models.hasModelFor(current)).isTrue();
    assertThat(models.hasPictureOf(models.model(current))).isTrue();
  }

  @Test
  void aSmallClusterGetsItsGraphDrawn() {
    ClusterSnapshot current = SyntheticCluster.encrypted(6).snapshot();

    predrawer(current);
    worker.runAll();

    TopologyModel model = models.model(current);
    assertThat(models.hasPictureOf(model)).isTrue();
    assertThat(models.svgGraph(model)).contains("id=\"" + TopologyModels.GRAPH_ID + "\"");
  }

  @Test
  void aBurstOfSnapshotsIsOneDrawingOfTheLatest() {
    predrawer(ClusterSnapshot.empty(SyntheticCluster.NOW));
    worker.runAll();
    List<ClusterSnapshot> burst =
        List.of(
            SyntheticCluster.encrypted(60).snapshot(),
            SyntheticCluster.encrypted(61).snapshot(),
            SyntheticCluster.encrypted(62).snapshot());

    burst.forEach(publisher);

    assertThat(worker.queued()).isEqualTo(1);
    worker.runAll();
    assertThat(models.hasModelFor(burst.get(2))).isTrue();
    assertThat(models.hasPictureOf(models.model(burst.get(2)))).isTrue();
  }

  @Test
  void aGrowingClusterIsDrawnAtEachDoublingAndOnceSettledAndHeartbeatsDrawNothing() {
    predrawer(ClusterSnapshot.empty(SyntheticCluster.NOW));
    worker.runAll();

    assertThat(drawnAfterPublishing(SyntheticCluster.encrypted(60).snapshot())).isTrue();
    assertThat(drawnAfterPublishing(SyntheticCluster.encrypted(90).snapshot())).isFalse();
    assertThat(drawnAfterPublishing(SyntheticCluster.encrypted(120).snapshot())).isTrue();
    assertThat(drawnAfterPublishing(SyntheticCluster.encrypted(130).snapshot())).isFalse();
    // The count held still for one snapshot: growth has stopped, draw what is there.
    assertThat(drawnAfterPublishing(SyntheticCluster.encrypted(130).snapshot())).isTrue();
    // Heartbeats: new snapshots, same nodes.
    assertThat(drawnAfterPublishing(SyntheticCluster.encrypted(130).snapshot())).isFalse();
  }

  @Test
  void reportsArrivingAfterThePlanListsEveryNodeDoNotRedrawAtEachDoubling() {
    predrawer(ClusterSnapshot.empty(SyntheticCluster.NOW));
    worker.runAll();

    assertThat(drawnAfterPublishing(reporting(120, 20))).isTrue();
    // Three times the reports, the same 120 nodes in the picture: not worth another drawing.
    assertThat(drawnAfterPublishing(reporting(120, 60))).isFalse();
  }

  /** A cluster whose plan lists {@code size} nodes, of which the first {@code reports} report. */
  private static ClusterSnapshot reporting(int size, int reports) {
    SyntheticCluster cluster = SyntheticCluster.encrypted(size);
    for (int position = reports; position < size; position++) {
      cluster = cluster.withoutReport(position);
    }
    return cluster.snapshot();
  }

  @Test
  void theViewCodeIsWarmedUpOnceWithTheFirstDrawnModel() {
    ClusterSnapshot first = SyntheticCluster.encrypted(60).snapshot();
    predrawer(first);
    worker.runAll();

    assertThat(drawnAfterPublishing(SyntheticCluster.encrypted(120).snapshot())).isTrue();

    assertThat(warmedUpWith).hasSize(1);
    assertThat(warmedUpWith.get(0).size()).isEqualTo(60);
  }

  @Test
  void stoppingEndsTheSubscriptionAndTheWorker() {
    TopologyPredrawer predrawer = predrawer(SyntheticCluster.encrypted(6).snapshot());

    predrawer.stop();

    assertThat(publisher).isNull();
    assertThat(worker.isShutdown()).isTrue();
  }

  private boolean drawnAfterPublishing(ClusterSnapshot snapshot) {
    publisher.accept(snapshot);
    worker.runAll();
    return models.hasModelFor(snapshot);
  }

  /** An executor whose tasks run only when the test says so. */
  private static final class ManualWorker extends AbstractExecutorService {
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean shutdown;

    int queued() {
      return tasks.size();
    }

    void runAll() {
      while (!tasks.isEmpty()) {
        tasks.remove().run();
      }
    }

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    @Override
    public void shutdown() {
      shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
      shutdown = true;
      List<Runnable> left = List.copyOf(tasks);
      tasks.clear();
      return left;
    }

    @Override
    public boolean isShutdown() {
      return shutdown;
    }

    @Override
    public boolean isTerminated() {
      return shutdown && tasks.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return isTerminated();
    }
  }
}
