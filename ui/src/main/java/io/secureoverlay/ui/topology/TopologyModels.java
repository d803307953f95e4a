package io.secureoverlay.ui.topology;

import io.secureoverlay.ui.cluster.ClusterSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Builds the topology model for every open view, once per cluster snapshot rather than once per
 * browser tab: all sessions receive the same snapshot within moments, so the first one to ask
 * computes the model and the rest share it. Health depends on the time too, so a shared model is
 * reused for at most {@link #REUSE_FOR}.
 *
 * <p>Pictures (the SVG graph, the PNG pair matrix) are kept by what they show ({@link
 * TopologyModel#samePicture}), not by model: heartbeats make a new model several times a second at
 * a thousand nodes without changing a pixel, so a tab opened on a settled cluster finds its picture
 * already drawn (by another tab or by {@link TopologyPredrawer}) instead of drawing it again.
 */
@Service
public class TopologyModels {

  /** How long one judgement of heartbeat ages is shared; far below the 90 s that matter. */
  static final Duration REUSE_FOR = Duration.ofSeconds(1);

  /** The element id of the SVG graph (the browser test and screenshots look for it). */
  public static final String GRAPH_ID = "topology-svg";

  private final Clock clock;
  private final NodeHealthJudge judge = NodeHealthJudge.withDefaultHeartbeat();
  private final HeatmapRenderer heatmap = new HeatmapRenderer();
  private final SvgGraphRenderer graph = new SvgGraphRenderer();
  private ClusterSnapshot lastSnapshot;
  private TopologyModel lastModel;
  private TopologyModel pngPicture;
  private byte[] png;
  private TopologyModel svgPicture;
  private String svg;

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

  /** The pair matrix PNG of the model, drawn once per picture however many tabs ask for it. */
  public byte[] heatmapPng(TopologyModel model) {
    synchronized (this) {
      if (model.samePicture(pngPicture)) {
        return png;
      }
    }
    byte[] drawn = heatmap.renderPng(model);
    synchronized (this) {
      pngPicture = model;
      png = drawn;
    }
    return drawn;
  }

  /** The SVG graph of the model (id {@link #GRAPH_ID}), drawn once per picture. */
  public String svgGraph(TopologyModel model) {
    synchronized (this) {
      if (model.samePicture(svgPicture)) {
        return svg;
      }
    }
    String drawn = graph.render(model, GRAPH_ID);
    synchronized (this) {
      svgPicture = model;
      svg = drawn;
    }
    return drawn;
  }

  /** Whether the model of this very snapshot is built and still fresh enough to be shared. */
  synchronized boolean hasModelFor(ClusterSnapshot snapshot) {
    return snapshot == lastSnapshot
        && lastModel != null
        && Duration.between(lastModel.judgedAt(), clock.instant()).compareTo(REUSE_FOR) <= 0;
  }

  /** Whether a picture of the model is drawn: the PNG matrix, or the SVG graph when small. */
  synchronized boolean hasPictureOf(TopologyModel model) {
    return model.size() > SvgGraphRenderer.MAX_NODES
        ? model.samePicture(pngPicture)
        : model.samePicture(svgPicture);
  }
}
