package io.secureoverlay.ui.mtu;

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
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws {@link OverheadChartData} as a horizontal bar chart and encodes it as PNG, at twice the
 * display size so it stays sharp on high-density screens. Colours follow the console's theme.
 */
public final class OverheadChartRenderer {

  /** The size the view shows the chart at, in CSS pixels. */
  public static final int WIDTH = 720;

  public static final int HEIGHT = 280;

  private static final Color TEXT = new Color(0x1f2a37);
  private static final Color MUTED = new Color(0x5b6877);
  private static final Color GRID = new Color(0xdde3ea);
  private static final Color BAR = new Color(0x2a6bb0);
  private static final String FONT = Font.SANS_SERIF;

  public byte[] renderPng(OverheadChartData data) {
    JFreeChart chart = createChart(data);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ChartUtils.writeScaledChartAsPNG(png, chart, WIDTH, HEIGHT, 2, 2);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode the overhead chart as PNG", e);
    }
    return png.toByteArray();
  }

  static JFreeChart createChart(OverheadChartData data) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (OverheadChartData.Part part : data.parts()) {
      dataset.addValue(part.bytes(), "bytes", part.label());
    }
    CategoryAxis partsAxis = new CategoryAxis();
    partsAxis.setTickLabelFont(new Font(FONT, Font.PLAIN, 12));
    partsAxis.setTickLabelPaint(TEXT);
    partsAxis.setAxisLineVisible(false);
    partsAxis.setTickMarksVisible(false);
    partsAxis.setCategoryMargin(0.25);

    NumberAxis bytesAxis = new NumberAxis("bytes");
    bytesAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    bytesAxis.setLabelFont(new Font(FONT, Font.PLAIN, 12));
    bytesAxis.setLabelPaint(MUTED);
    bytesAxis.setTickLabelFont(new Font(FONT, Font.PLAIN, 11));
    bytesAxis.setTickLabelPaint(MUTED);
    bytesAxis.setAxisLineVisible(false);
    bytesAxis.setUpperMargin(0.12);

    BarRenderer bars = new BarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setSeriesPaint(0, BAR);
    bars.setMaximumBarWidth(0.09);
    bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
    bars.setDefaultItemLabelsVisible(true);
    bars.setDefaultItemLabelFont(new Font(FONT, Font.BOLD, 12));
    bars.setDefaultItemLabelPaint(TEXT);
    // Each count just right of its bar, where a 0-byte part still shows its 0.
    bars.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    bars.setItemLabelAnchorOffset(6);

    CategoryPlot plot = new CategoryPlot(dataset, partsAxis, bytesAxis, bars);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(GRID);
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setDomainGridlinesVisible(false);

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
