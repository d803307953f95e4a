package io.secureoverlay.ui.topology;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
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
    // One byte per pixel into a palette of the few colours, written straight into the raster: a
    // third of the bytes an RGB image has for the PNG encoder to compress, and no per-pixel
    // colour-model conversion (BufferedImage.setRGB), which made drawing 1,000 nodes cost ~40 ms.
    BufferedImage image =
        new BufferedImage(side, side, BufferedImage.TYPE_BYTE_INDEXED, Palette.COLOURS);
    byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    PairMatrix pairs = model.pairs();
    byte[] rowColours = new byte[n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        rowColours[b] =
            a == b
                ? Palette.of(model.nodes().get(a).health().health())
                : Palette.of(pairs.state(a, b));
      }
      int rowStart = a * cell * side;
      if (cell == 1) {
        System.arraycopy(rowColours, 0, pixels, rowStart, n);
        continue;
      }
      for (int b = 0; b < n; b++) {
        Arrays.fill(pixels, rowStart + b * cell, rowStart + (b + 1) * cell, rowColours[b]);
      }
      for (int dy = 1; dy < cell; dy++) {
        System.arraycopy(pixels, rowStart, pixels, rowStart + dy * side, side);
      }
    }
    return image;
  }

  /** The matrix's colours: every pair state's and every node health's, each once. */
  private static final class Palette {

    private static final List<Integer> RGBS =
        Stream.concat(
                Arrays.stream(PairState.values()).map(PairState::rgb),
                Arrays.stream(NodeHealth.values()).map(NodeHealth::rgb))
            .distinct()
            .toList();

    static final IndexColorModel COLOURS = colourModel();

    private static IndexColorModel colourModel() {
      byte[] r = new byte[RGBS.size()];
      byte[] g = new byte[RGBS.size()];
      byte[] b = new byte[RGBS.size()];
      for (int i = 0; i < RGBS.size(); i++) {
        r[i] = (byte) (RGBS.get(i) >> 16);
        g[i] = (byte) (RGBS.get(i) >> 8);
        b[i] = (byte) (int) RGBS.get(i);
      }
      return new IndexColorModel(8, RGBS.size(), r, g, b);
    }

    private static final byte[] PAIR = codes(PairState.values(), PairState::rgb);
    private static final byte[] HEALTH = codes(NodeHealth.values(), NodeHealth::rgb);

    private static <E extends Enum<E>> byte[] codes(E[] values, ToIntFunction<E> rgb) {
      byte[] codes = new byte[values.length];
      for (E value : values) {
        codes[value.ordinal()] = (byte) RGBS.indexOf(rgb.applyAsInt(value));
      }
      return codes;
    }

    static byte of(PairState state) {
      return PAIR[state.ordinal()];
    }

    static byte of(NodeHealth health) {
      return HEALTH[health.ordinal()];
    }
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
