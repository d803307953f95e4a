package io.secureoverlay.ui.topology;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws a large cluster as a pair matrix: row a, column b is the pair {a, b} in its state's colour,
 * and the diagonal cell (a, a) shows node a's health. Nodes are in name order on both axes. A few
 * pixels per pair for small clusters, one for large ones: a thousand nodes is a 1,000 x 1,000 PNG,
 * written straight into the raster rather than drawn cell by cell.
 */
public final class HeatmapRenderer {

  /** The side the image aims at; cells are whole pixels, at least one. */
  static final int TARGET_SIDE = 800;

  private static final int MAX_CELL = 16;

  /** Pixels per node along each axis. */
  public static int cellSize(int nodes) {
    return Math.max(1, Math.min(MAX_CELL, TARGET_SIDE / Math.max(1, nodes)));
  }

  /** Width and height of the image in pixels. */
  public static int side(int nodes) {
    return Math.max(1, nodes * cellSize(nodes));
  }

  /**
   * The node position of the row at {@code offsetY} pixels from the top of the image as it is
   * displayed {@code displayedHeight} pixels high (the browser may scale it), or -1 outside.
   */
  public static int rowAt(double offsetY, double displayedHeight, int nodes) {
    if (nodes == 0 || displayedHeight <= 0 || offsetY < 0 || offsetY >= displayedHeight) {
      return -1;
    }
    return Math.min(nodes - 1, (int) Math.floor(offsetY * nodes / displayedHeight));
  }

  public BufferedImage image(TopologyModel model) {
    int n = model.size();
    int cell = cellSize(n);
    int side = side(n);
    int[] pixels = new int[side * side];
    PairMatrix pairs = model.pairs();
    int[] rowColours = new int[n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        rowColours[b] =
            a == b ? model.nodes().get(a).health().health().rgb() : pairs.state(a, b).rgb();
      }
      for (int dy = 0; dy < cell; dy++) {
        int rowStart = (a * cell + dy) * side;
        for (int b = 0; b < n; b++) {
          int start = rowStart + b * cell;
          for (int dx = 0; dx < cell; dx++) {
            pixels[start + dx] = rowColours[b];
          }
        }
      }
    }
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, side, side, pixels, 0, side);
    return image;
  }

  public byte[] renderPng(TopologyModel model) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image(model), "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode the pair matrix as PNG", e);
    }
    return out.toByteArray();
  }
}
