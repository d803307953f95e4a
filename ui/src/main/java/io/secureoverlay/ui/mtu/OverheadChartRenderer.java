package io.secureoverlay.ui.mtu;

import static io.secureoverlay.ui.charts.ConsoleChartStyle.BAR;
import static io.secureoverlay.ui.charts.ConsoleChartStyle.FONT;
import static io.secureoverlay.ui.charts.ConsoleChartStyle.MUTED;
import static io.secureoverlay.ui.charts.ConsoleChartStyle.TEXT;

import io.secureoverlay.ui.charts.ConsoleChartStyle;
import java.awt.Font;
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

  public byte[] renderPng(OverheadChartData data) {
    return ConsoleChartStyle.png(createChart(data), WIDTH, HEIGHT, "overhead chart");
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
    ConsoleChartStyle.stylePlot(plot);

    return ConsoleChartStyle.chart(plot, data.title());
  }
}
