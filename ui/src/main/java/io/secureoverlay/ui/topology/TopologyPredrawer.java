package io.secureoverlay.ui.topology;

import io.secureoverlay.ui.cluster.ClusterSnapshot;
import io.secureoverlay.ui.cluster.ClusterState;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Builds the topology model and draws its picture in the background as soon as the console knows
 * the cluster, again whenever it has doubled while growing, and once more when its node count holds
 * still (nodes the plan lists or that report): so the first operator to open the Topology after a
 * console start finds the picture drawn and the drawing code loaded and compiled, instead of paying
 * for both in the first request (at 1,000 nodes most of a second on a cold JVM). After the first
 * drawing it runs the {@link TopologyWarmUp}s once (the view's component code). A settled cluster
 * costs nothing here: heartbeats do not change the node count.
 *
 * <p>Runs on its own thread: the snapshot publisher that calls it must stay free to hand snapshots
 * to the open views, and a burst of snapshots collapses into the latest one.
 */
@Service
public class TopologyPredrawer {

  private static final Logger LOG = LoggerFactory.getLogger(TopologyPredrawer.class);

  private final TopologyModels models;
  private final List<TopologyWarmUp> warmUps;
  private final ExecutorService worker;
  private final AtomicReference<ClusterSnapshot> pending = new AtomicReference<>();
  private final ClusterState.Subscription subscription;

  // Touched only on the worker thread.
  private int drawnSize;
  private int previousSize = -1;
  private boolean warmedUp;

  @Autowired
  public TopologyPredrawer(
      ClusterState state, TopologyModels models, ObjectProvider<TopologyWarmUp> warmUps) {
    this(state::subscribe, state.current(), models, warmUps.orderedStream().toList(), newWorker());
  }

  /**
   * @param subscribe how to be told of every new snapshot
   * @param current the snapshot already known
   * @param warmUps run once, after the first drawing, with its model
   * @param worker the thread that draws; shut down by {@link #stop()}
   */
  TopologyPredrawer(
      Function<Consumer<ClusterSnapshot>, ClusterState.Subscription> subscribe,
      ClusterSnapshot current,
      TopologyModels models,
      List<TopologyWarmUp> warmUps,
      ExecutorService worker) {
    this.models = models;
    this.warmUps = List.copyOf(warmUps);
    this.worker = worker;
    offer(current);
    this.subscription = subscribe.apply(this::offer);
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(
        runnable -> {
          Thread thread = new Thread(runnable, "console-topology-predraw");
          thread.setDaemon(true);
          return thread;
        });
  }

  /** Hands the snapshot to the worker and returns at once; only the latest waiting one is drawn. */
  private void offer(ClusterSnapshot snapshot) {
    if (pending.getAndSet(snapshot) == null) {
      worker.execute(this::drawLatest);
    }
  }

  private void drawLatest() {
    ClusterSnapshot snapshot = pending.getAndSet(null);
    if (snapshot == null) {
      return;
    }
    // The model's size, not the number of reports: at a console start the plan lists every node
    // while their reports arrive in batches, and the picture shows every listed node either way.
    int size = TopologyModel.nodeCount(snapshot);
    boolean settled = size == previousSize;
    previousSize = size;
    if (size == 0 || size == drawnSize || !(settled || size >= 2 * drawnSize)) {
      return;
    }
    drawnSize = size;
    try {
      long started = System.nanoTime();
      TopologyModel model = models.model(snapshot);
      String picture;
      if (model.size() > SvgGraphRenderer.MAX_NODES) {
        models.heatmapPng(model);
        picture = "png";
      } else {
        models.svgGraph(model);
        picture = "svg";
      }
      LOG.info(
          "event=topology_predrawn nodes={} picture={} took_ms={}",
          model.size(),
          picture,
          (System.nanoTime() - started) / 1_000_000);
      if (!warmedUp) {
        warmedUp = true;
        warmUp(model);
      }
    } catch (RuntimeException e) {
      // A view draws for itself if this failed; the next growth tries again.
      LOG.warn("event=topology_predraw_failed nodes={} error={}", size, e.toString(), e);
    }
  }

  private void warmUp(TopologyModel model) {
    long started = System.nanoTime();
    warmUps.forEach(warmUp -> warmUp.warmUp(model));
    LOG.info(
        "event=topology_view_warmed_up nodes={} took_ms={}",
        model.size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  @PreDestroy
  void stop() {
    subscription.cancel();
    worker.shutdownNow();
  }
}
