package io.secureoverlay.ui.topology;

import io.secureoverlay.ui.cluster.ClusterSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

  public TopologyModels(Clock clock) {
    this.clock = clock;
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
