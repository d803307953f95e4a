package io.secureoverlay.ui.keys;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.stereotype.Component;

/**
 * Draws {@link RotationChartData} as a bar chart and encodes it as PNG at twice the display size,
 * so it stays sharp on high-density screens. Per-node charts lie on their side so that node names
 * stay readable; colours follow the console's theme.
 */
@Component
public class RotationChartRenderer {

  /** The size the view shows a chart at, in CSS pixels. */
  public static final int WIDTH = 720;

  public static final int HEIGHT = 300;

  static final Color BAR = new Color(0x2a6bb0);
  private static final Color TEXT = new Color(0x1f2a37);
  private static final Color MUTED = new Color(0x5b6877);
  private static final Color GRID = new Color(0xdde3ea);
  private static final String FONT = Font.SANS_SERIF;

  /** The PNG of {@code data}; {@code horizontal} lays the bars on their side. */
  public byte[] renderPng(RotationChartData data, boolean horizontal) {
    JFreeChart chart = createChart(data, horizontal);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ChartUtils.writeScaledChartAsPNG(png, chart, WIDTH, HEIGHT, 2, 2);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode the rotation chart as PNG", e);
    }
    return png.toByteArray();
  }

  static JFreeChart createChart(RotationChartData data, boolean horizontal) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (RotationChartData.Bar bar : data.bars()) {
      dataset.addValue(bar.value(), data.valueAxis(), bar.label());
    }
    CategoryAxis categories = new CategoryAxis();
    categories.setTickLabelFont(new Font(FONT, Font.PLAIN, 11));
    categories.setTickLabelPaint(TEXT);
    categories.setAxisLineVisible(false);
    categories.setTickMarksVisible(false);
    categories.setCategoryMargin(0.2);
    if (!horizontal && data.bars().size() > 12) {
      categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }

    NumberAxis values = new NumberAxis(data.valueAxis());
    values.setLabelFont(new Font(FONT, Font.PLAIN, 12));
    values.setLabelPaint(MUTED);
    values.setTickLabelFont(new Font(FONT, Font.PLAIN, 11));
    values.setTickLabelPaint(MUTED);
    values.setAxisLineVisible(false);
    values.setUpperMargin(0.1);
    if ("nodes".equals(data.valueAxis())) {
      values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }

    BarRenderer bars = new BarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setSeriesPaint(0, BAR);
    bars.setMaximumBarWidth(0.08);

    CategoryPlot plot = new CategoryPlot(dataset, categories, values, bars);
    plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
    if (horizontal) {
      plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    }
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(GRID);
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setDomainGridlinesVisible(false);
    plot.setNoDataMessage(data.emptyMessage());
    plot.setNoDataMessageFont(new Font(FONT, Font.BOLD, 14));
    plot.setNoDataMessagePaint(MUTED);

    JFreeChart chart = new JFreeChart(plot);
    chart.removeLegend();
    chart.setTitle(new TextTitle(data.title(), new Font(FONT, Font.BOLD, 14)));
    chart.getTitle().setPaint(TEXT);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    return chart;
  }
}
