package io.secureoverlay.ui.keys;

import static io.secureoverlay.ui.charts.ConsoleChartStyle.BAR;
import static io.secureoverlay.ui.charts.ConsoleChartStyle.FONT;
import static io.secureoverlay.ui.charts.ConsoleChartStyle.MUTED;
import static io.secureoverlay.ui.charts.ConsoleChartStyle.TEXT;

import io.secureoverlay.ui.charts.ConsoleChartStyle;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
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

  /** The PNG of {@code data}; {@code horizontal} lays the bars on their side. */
  public byte[] renderPng(RotationChartData data, boolean horizontal) {
    return ConsoleChartStyle.png(createChart(data, horizontal), WIDTH, HEIGHT, "rotation chart");
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
    ConsoleChartStyle.stylePlot(plot);
    plot.setNoDataMessage(data.emptyMessage());
    plot.setNoDataMessageFont(new Font(FONT, Font.BOLD, 14));
    plot.setNoDataMessagePaint(MUTED);

    return ConsoleChartStyle.chart(plot, data.title());
  }
}
