package io.secureoverlay.ui.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.title.TextTitle;

/**
 * How every chart of the console looks (the theme's colours, white ground, light range grid, no
 * legend) and how it becomes a PNG: at twice its display size, so it stays sharp on high-density
 * screens.
 */
public final class ConsoleChartStyle {

  public static final Color TEXT = new Color(0x1f2a37);
  public static final Color MUTED = new Color(0x5b6877);
  public static final Color GRID = new Color(0xdde3ea);
  public static final Color BAR = new Color(0x2a6bb0);
  public static final String FONT = Font.SANS_SERIF;

  private ConsoleChartStyle() {}

  /** The plot's ground and grid: white, no outline, a light range grid, no domain grid. */
  public static void stylePlot(CategoryPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(GRID);
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setDomainGridlinesVisible(false);
  }

  /** The chart around {@code plot}: its title, no legend, white, anti-aliased. */
  public static JFreeChart chart(CategoryPlot plot, String title) {
    JFreeChart chart = new JFreeChart(plot);
    chart.removeLegend();
    chart.setTitle(new TextTitle(title, new Font(FONT, Font.BOLD, 14)));
    chart.getTitle().setPaint(TEXT);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    return chart;
  }

  /**
   * The chart as a PNG of twice {@code width} x {@code height}; {@code what} names it in errors.
   */
  public static byte[] png(JFreeChart chart, int width, int height, String what) {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ChartUtils.writeScaledChartAsPNG(png, chart, width, height, 2, 2);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode the " + what + " as PNG", e);
    }
    return png.toByteArray();
  }
}
