package io.secureoverlay.ui.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;

class RotationChartRendererTest {

  private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");

  private final RotationChartRenderer renderer = new RotationChartRenderer();

  private static RotationRecord rotation(long to, long seconds, List<NodeAck> acks) {
    return new RotationRecord(
        to - 1,
        to,
        T.plusSeconds(to * 100),
        T.plusSeconds(to * 100 + seconds),
        acks.size(),
        List.of(),
        acks,
        RotationRecord.Outcome.COMPLETED,
        RotationRecord.Source.WATCHED);
  }

  private static List<NodeAck> acks(int nodes) {
    List<NodeAck> acks = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      acks.add(new NodeAck("node-" + i, Duration.ofMillis(1000 + 250L * i)));
    }
    return acks;
  }

  @Test
  void convergenceHasOneBarPerCompletedRotationOldestFirst() {
    List<RotationRecord> newestFirst = List.of(rotation(3, 20, acks(2)), rotation(2, 17, acks(2)));

    RotationChartData data = RotationChartData.convergence(newestFirst);

    assertThat(data.bars())
        .containsExactly(
            new RotationChartData.Bar("1 \u2192 2", 17.0),
            new RotationChartData.Bar("2 \u2192 3", 20.0));
    CategoryPlot plot = RotationChartRenderer.createChart(data, false).getCategoryPlot();
    assertThat(plot.getDataset().getColumnCount()).isEqualTo(2);
  }

  @Test
  void acknowledgementsAreOneBarPerNodeFastestFirstUpToFortyNodes() {
    RotationChartData data =
        RotationChartData.acknowledgements(Optional.of(rotation(2, 17, acks(3))));

    assertThat(data.bars())
        .extracting(RotationChartData.Bar::label)
        .containsExactly("node-0", "node-1", "node-2");
    assertThat(data.bars().get(2).value()).isEqualTo(1.5);
  }

  @Test
  void manyNodesBecomeAHistogramThatCountsEveryNode() {
    RotationChartData data =
        RotationChartData.acknowledgements(Optional.of(rotation(2, 17, acks(500))));

    assertThat(data.bars()).hasSize(RotationChartData.HISTOGRAM_BUCKETS);
    assertThat(data.bars().stream().mapToDouble(RotationChartData.Bar::value).sum())
        .isEqualTo(500.0);
    assertThat(data.valueAxis()).isEqualTo("nodes");
  }

  @Test
  void emptyChartsSayNoRotationYet() throws IOException {
    RotationChartData convergence = RotationChartData.convergence(List.of());
    RotationChartData acks = RotationChartData.acknowledgements(Optional.empty());

    for (RotationChartData data : List.of(convergence, acks)) {
      assertThat(data.bars()).isEmpty();
      JFreeChart chart = RotationChartRenderer.createChart(data, true);
      assertThat(chart.getCategoryPlot().getNoDataMessage()).isEqualTo("No rotation yet");
      BufferedImage image = decode(renderer.renderPng(data, true));
      assertThat(image.getWidth()).isEqualTo(2 * RotationChartRenderer.WIDTH);
      assertThat(image.getHeight()).isEqualTo(2 * RotationChartRenderer.HEIGHT);
      assertThat(countBarPixels(image)).as("no bars drawn").isZero();
    }
  }

  @Test
  void fullChartsArePngsOfTheRequestedSizeWithBars() throws IOException {
    List<RotationRecord> rotations = List.of(rotation(3, 20, acks(6)), rotation(2, 17, acks(6)));

    BufferedImage convergence =
        decode(renderer.renderPng(RotationChartData.convergence(rotations), false));
    BufferedImage acks =
        decode(
            renderer.renderPng(
                RotationChartData.acknowledgements(Optional.of(rotations.get(0))), true));

    for (BufferedImage image : List.of(convergence, acks)) {
      assertThat(image.getWidth()).isEqualTo(2 * RotationChartRenderer.WIDTH);
      assertThat(image.getHeight()).isEqualTo(2 * RotationChartRenderer.HEIGHT);
      assertThat(countBarPixels(image)).as("pixels in the bar colour").isGreaterThan(1_000);
    }
  }

  private static BufferedImage decode(byte[] png) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  private static int countBarPixels(BufferedImage image) {
    int bar = io.secureoverlay.ui.charts.ConsoleChartStyle.BAR.getRGB() & 0xffffff;
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == bar) {
          count++;
        }
      }
    }
    return count;
  }
}
