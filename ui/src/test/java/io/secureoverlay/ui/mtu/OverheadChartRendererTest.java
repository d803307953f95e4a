package io.secureoverlay.ui.mtu;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.model.IcvLength;
import io.secureoverlay.mtu.EspMtuCalculator;
import io.secureoverlay.mtu.MtuRequest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;

class OverheadChartRendererTest {

  private final OverheadChartData data =
      OverheadChartData.of(
          new EspMtuCalculator().calculate(MtuRequest.ipv4(IcvLength.ICV_64, 1450)));

  @Test
  void drawsOneBarPerPartWithTheTitle() {
    JFreeChart chart = OverheadChartRenderer.createChart(data);

    CategoryPlot plot = chart.getCategoryPlot();
    assertThat(plot.getDataset().getColumnCount()).isEqualTo(7);
    assertThat(plot.getDataset().getValue("bytes", "ICV (64-bit)").intValue()).isEqualTo(8);
    assertThat(chart.getTitle().getText()).isEqualTo(data.title());
  }

  @Test
  void encodesADoubleResolutionPngThatIsNotBlank() throws IOException {
    byte[] png = new OverheadChartRenderer().renderPng(data);

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(2 * OverheadChartRenderer.WIDTH);
    assertThat(image.getHeight()).isEqualTo(2 * OverheadChartRenderer.HEIGHT);
    assertThat(countBarPixels(image)).as("pixels in the bar colour").isGreaterThan(1_000);
  }

  private static int countBarPixels(BufferedImage image) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == 0x2a6bb0) {
          count++;
        }
      }
    }
    return count;
  }
}
