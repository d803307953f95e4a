package io.secureoverlay.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.protocol.NodeSet;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class HeatmapRendererTest {

  private final HeatmapRenderer renderer = new HeatmapRenderer();

  @Test
  void sixtyNodesGetThirteenPixelCellsAndAThousandGetOne() {
    assertThat(HeatmapRenderer.cellSize(60)).isEqualTo(13);
    assertThat(HeatmapRenderer.side(60)).isEqualTo(780);
    assertThat(HeatmapRenderer.cellSize(1000)).isEqualTo(1);
    assertThat(HeatmapRenderer.side(1000)).isEqualTo(1000);
  }

  @Test
  void eachCellHasItsPairsColourAndTheDiagonalItsNodesHealth() throws IOException {
    SyntheticCluster base = SyntheticCluster.encrypted(60);
    TopologyModel model = base.edit(5, s -> s.setEncryptingTo(NodeSet.empty())).lagging(7).model();

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(renderer.renderPng(model)));

    assertThat(image.getWidth()).isEqualTo(780);
    assertThat(image.getHeight()).isEqualTo(780);
    assertThat(colourOfCell(image, 0, 1)).isEqualTo(PairState.ENCRYPTED_BOTH_WAYS.rgb());
    assertThat(colourOfCell(image, 5, 9)).isEqualTo(PairState.ONE_WAY.rgb());
    assertThat(colourOfCell(image, 9, 5)).isEqualTo(PairState.ONE_WAY.rgb());
    assertThat(colourOfCell(image, 0, 0)).isEqualTo(NodeHealth.HEALTHY.rgb());
    assertThat(colourOfCell(image, 7, 7)).isEqualTo(NodeHealth.LAGGING.rgb());
  }

  @Test
  void aThousandNodesAreOnePixelPerPairInThePairsColour() throws IOException {
    SyntheticCluster base = SyntheticCluster.encrypted(1000);
    TopologyModel model =
        base.edit(500, s -> s.setEncryptingTo(NodeSet.empty())).lagging(7).model();

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(renderer.renderPng(model)));

    assertThat(image.getWidth()).isEqualTo(1000);
    assertThat(image.getHeight()).isEqualTo(1000);
    assertThat(image.getRGB(1, 0) & 0xffffff).isEqualTo(PairState.ENCRYPTED_BOTH_WAYS.rgb());
    assertThat(image.getRGB(999, 500) & 0xffffff).isEqualTo(PairState.ONE_WAY.rgb());
    assertThat(image.getRGB(500, 999) & 0xffffff).isEqualTo(PairState.ONE_WAY.rgb());
    assertThat(image.getRGB(999, 998) & 0xffffff).isEqualTo(PairState.ENCRYPTED_BOTH_WAYS.rgb());
    assertThat(image.getRGB(7, 7) & 0xffffff).isEqualTo(NodeHealth.LAGGING.rgb());
    assertThat(image.getRGB(999, 999) & 0xffffff).isEqualTo(NodeHealth.HEALTHY.rgb());
  }

  @Test
  void aClickMapsToTheRowEvenWhenTheBrowserScalesTheImage() {
    // 60 rows drawn 780 px high, shown 390 px high: each row is 6.5 px on screen.
    assertThat(HeatmapRenderer.rowAt(0, 390, 60)).isZero();
    assertThat(HeatmapRenderer.rowAt(6.4, 390, 60)).isZero();
    assertThat(HeatmapRenderer.rowAt(6.6, 390, 60)).isEqualTo(1);
    assertThat(HeatmapRenderer.rowAt(389.9, 390, 60)).isEqualTo(59);
    assertThat(HeatmapRenderer.rowAt(390, 390, 60)).isEqualTo(-1);
    assertThat(HeatmapRenderer.rowAt(-1, 390, 60)).isEqualTo(-1);
  }

  private static int colourOfCell(BufferedImage image, int row, int column) {
    int cell = HeatmapRenderer.cellSize(60);
    return image.getRGB(column * cell + cell / 2, row * cell + cell / 2) & 0xffffff;
  }
}
