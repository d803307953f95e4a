package io.secureoverlay.ui.topology;

import java.util.Locale;

/**
 * Draws a small cluster as an SVG graph: nodes on a circle, coloured by health and labelled by
 * name, and one line per pair, coloured by its state. Each node is a {@code <g data-node="name">}
 * so a click anywhere on it (circle or label) names the node. Broken pairs are drawn last and
 * thickest, so a red line is never hidden under a green one.
 */
public final class SvgGraphRenderer {

  /** Above this many nodes a graph is a hairball: the view shows the pair matrix instead. */
  public static final int MAX_NODES = 50;

  static final int SIZE = 640;
  private static final double CENTRE = SIZE / 2.0;
  private static final double RADIUS = 230;
  private static final PairState[] DRAW_ORDER = {
    PairState.PLAINTEXT, PairState.ENCRYPTED_BOTH_WAYS, PairState.ONE_WAY, PairState.BROKEN
  };

  /** The SVG document, with the given element id. */
  public String render(TopologyModel model, String id) {
    int n = model.size();
    if (n > MAX_NODES) {
      throw new IllegalArgumentException(
          "a graph of " + n + " nodes is unreadable; draw at most " + MAX_NODES);
    }
    double[] x = new double[n];
    double[] y = new double[n];
    for (int p = 0; p < n; p++) {
      double angle = -Math.PI / 2 + 2 * Math.PI * p / Math.max(1, n);
      x[p] = CENTRE + RADIUS * Math.cos(angle);
      y[p] = CENTRE + RADIUS * Math.sin(angle);
    }
    StringBuilder svg = new StringBuilder(256 + n * n * 80);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"")
        .append(escape(id))
        .append("\" class=\"topology-svg\" viewBox=\"0 0 ")
        .append(SIZE)
        .append(' ')
        .append(SIZE)
        .append("\" role=\"img\" aria-label=\"")
        .append(escape("Encryption between " + n + " nodes: " + model.pairCountsSummary()))
        .append("\">");
    for (PairState state : DRAW_ORDER) {
      appendLinks(svg, model, state, x, y);
    }
    double nodeRadius = n <= 12 ? 16 : Math.max(6, 16 - (n - 12) / 4.0);
    for (TopologyNode node : model.nodes()) {
      appendNode(svg, node, x[node.position()], y[node.position()], nodeRadius);
    }
    svg.append("</svg>");
    return svg.toString();
  }

  private static void appendLinks(
      StringBuilder svg, TopologyModel model, PairState state, double[] x, double[] y) {
    PairMatrix pairs = model.pairs();
    if (pairs.count(state) == 0) {
      return;
    }
    String name = state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    svg.append("<g class=\"topology-links topology-links--")
        .append(name)
        .append("\" stroke=\"")
        .append(state.cssColour())
        .append("\" stroke-width=\"")
        .append(state == PairState.BROKEN ? "3.5" : "2")
        .append('"');
    if (state == PairState.PLAINTEXT || state == PairState.ONE_WAY) {
      svg.append(" stroke-dasharray=\"").append(state == PairState.PLAINTEXT ? "4 4" : "10 4");
      svg.append('"');
    }
    svg.append('>');
    int n = pairs.size();
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        if (pairs.state(a, b) != state) {
          continue;
        }
        svg.append("<line data-pair=\"")
            .append(state.name())
            .append("\" x1=\"")
            .append(coordinate(x[a]))
            .append("\" y1=\"")
            .append(coordinate(y[a]))
            .append("\" x2=\"")
            .append(coordinate(x[b]))
            .append("\" y2=\"")
            .append(coordinate(y[b]))
            .append("\"><title>")
            .append(escape(model.nodes().get(a).name() + " \u2194 " + model.nodes().get(b).name()))
            .append(": ")
            .append(escape(state.label()))
            .append("</title></line>");
      }
    }
    svg.append("</g>");
  }

  private static void appendNode(
      StringBuilder svg, TopologyNode node, double cx, double cy, double radius) {
    NodeHealth health = node.health().health();
    double dx = cx - CENTRE;
    double dy = cy - CENTRE;
    double length = Math.max(1, Math.hypot(dx, dy));
    double labelX = cx + dx / length * (radius + 8);
    double labelY = cy + dy / length * (radius + 8);
    String anchor = Math.abs(dx) < 1 ? "middle" : dx > 0 ? "start" : "end";
    String baseline = dy < -1 && Math.abs(dx) < radius ? "auto" : "middle";
    if (dy > 1 && Math.abs(dx) < radius) {
      baseline = "hanging";
    }
    svg.append("<g class=\"topology-node topology-node--")
        .append(health.name().toLowerCase(Locale.ROOT))
        .append("\" data-node=\"")
        .append(escape(node.name()))
        .append("\" tabindex=\"0\"><title>")
        .append(escape(node.name() + ": " + health.label()))
        .append("</title><circle cx=\"")
        .append(coordinate(cx))
        .append("\" cy=\"")
        .append(coordinate(cy))
        .append("\" r=\"")
        .append(coordinate(radius))
        .append("\" fill=\"")
        .append(health == NodeHealth.MISSING ? "#ffffff" : health.cssColour())
        .append("\" stroke=\"")
        .append(health == NodeHealth.MISSING ? health.cssColour() : "#ffffff")
        .append("\" stroke-width=\"")
        .append(health == NodeHealth.MISSING ? "3" : "2")
        .append("\"/><text x=\"")
        .append(coordinate(labelX))
        .append("\" y=\"")
        .append(coordinate(labelY))
        .append("\" text-anchor=\"")
        .append(anchor)
        .append("\" dominant-baseline=\"")
        .append(baseline)
        .append("\">")
        .append(escape(node.name()))
        .append("</text></g>");
  }

  private static String coordinate(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** Node names come from the cluster: escape them for text and attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
