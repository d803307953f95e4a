package io.secureoverlay.ui.mtu;

import io.secureoverlay.mtu.EspOverhead;
import io.secureoverlay.mtu.MtuResult;
import java.util.List;

/**
 * The overhead breakdown shaped for the chart: one bar per part, in the order the parts sit in the
 * packet, with labels an operator reads without the RFCs at hand.
 *
 * @param title names the total and the two MTUs it separates
 * @param parts every part, zero-sized ones included (a 0-byte padding bar is information)
 * @param totalBytes external MTU minus exact tunnel MTU
 */
public record OverheadChartData(String title, List<Part> parts, int totalBytes) {

  /** One bar. */
  public record Part(String label, int bytes) {}

  public OverheadChartData {
    parts = List.copyOf(parts);
  }

  public static OverheadChartData of(MtuResult result) {
    EspOverhead overhead = result.overhead();
    List<Part> parts =
        List.of(
            new Part(
                "Outer " + result.family().displayName() + " header", overhead.outerIpHeader()),
            new Part("ESP header (SPI, sequence)", overhead.espHeader()),
            new Part("IV (RFC 4106)", overhead.iv()),
            new Part("Padding", overhead.padding()),
            new Part("ESP trailer", overhead.trailer()),
            new Part("ICV (" + result.icv().bits() + "-bit)", overhead.icv()),
            new Part("Unusable alignment slack", overhead.alignmentSlack()));
    String title =
        "Where the "
            + overhead.total()
            + " bytes go: external MTU "
            + result.extMtu()
            + " \u2192 tunnel MTU "
            + result.exactTunnelMtu();
    return new OverheadChartData(title, parts, overhead.total());
  }
}
