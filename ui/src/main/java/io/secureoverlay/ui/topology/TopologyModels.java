package io.secureoverlay.ui.topology;

import io.secureoverlay.ui.cluster.ClusterSnapshot;
import io.secureoverlay.ui.cluster.ClusterState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Service;

/**
 * Builds the topology model for every open view, once per cluster snapshot rather than once per
 * browser tab: all sessions receive the same snapshot within moments, so the first one to ask
 * computes the model (and, for a large cluster, its PNG pair matrix) and the rest share it. Health
 * depends on the time too, so a shared model is reused for at most {@link #REUSE_FOR}.
 */
@Service
public class TopologyModels {

  /** How long one judgement of heartbeat ages is shared; far below the 90 s that matter. */
  static final Duration REUSE_FOR = Duration.ofSeconds(1);

  private final Clock clock;
  private final NodeHealthJudge judge = NodeHealthJudge.withDefaultHeartbeat();
  private final HeatmapRenderer heatmap = new HeatmapRenderer();
  private ClusterSnapshot lastSnapshot;
  private TopologyModel lastModel;
  private TopologyModel lastPngModel;
  private byte[] lastPng;

  private final AtomicInteger prewarmedAt = new AtomicInteger();

  public TopologyModels(Clock clock, ClusterState state) {
    this.clock = clock;
    state.subscribe(this::prewarm);
  }

  /**
   * Draws the pair matrix in the background whenever the cluster has grown to twice the size last
   * drawn this way, so the first operator to open the Topology of a large cluster does not wait for
   * the JVM to load and compile the drawing code (about 0.7 s of a 1.6 s first paint at 1,000
   * nodes). Steady-state snapshots cost nothing here.
   */
  private void prewarm(ClusterSnapshot snapshot) {
    int size = snapshot.nodes().size();
    int last = prewarmedAt.get();
    if (size > SvgGraphRenderer.MAX_NODES
        && size >= 2 * Math.max(last, SvgGraphRenderer.MAX_NODES / 2)
        && prewarmedAt.compareAndSet(last, size)) {
      heatmapPng(model(snapshot));
    }
  }

  public synchronized TopologyModel model(ClusterSnapshot snapshot) {
    Instant now = clock.instant();
    if (snapshot != lastSnapshot
        || lastModel == null
        || Duration.between(lastModel.judgedAt(), now).compareTo(REUSE_FOR) > 0) {
      lastModel = TopologyModel.of(snapshot, now, judge);
      lastSnapshot = snapshot;
    }
    return lastModel;
  }

  /** The pair matrix PNG of the model, drawn once however many tabs ask for it. */
  public byte[] heatmapPng(TopologyModel model) {
    synchronized (this) {
      if (model == lastPngModel) {
        return lastPng;
      }
    }
    byte[] png = heatmap.renderPng(model);
    synchronized (this) {
      lastPngModel = model;
      lastPng = png;
    }
    return png;
  }
}
