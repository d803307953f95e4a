package io.secureoverlay.ui.mtu.ui;

import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.secureoverlay.ui.mtu.OverheadChartData;
import io.secureoverlay.ui.mtu.OverheadChartRenderer;
import java.io.ByteArrayInputStream;
import java.util.stream.Collectors;

/**
 * The overhead chart as a PNG image. Each new result gets a new download handler (so a new URL,
 * which the browser fetches afresh); the PNG is drawn when the browser asks for it.
 */
class OverheadChartImage extends Image {

  private static final long serialVersionUID = 1L;

  private final transient OverheadChartRenderer renderer;

  OverheadChartImage(OverheadChartRenderer renderer) {
    this.renderer = renderer;
    setId("overhead-chart");
    addClassName("overhead-chart");
    setWidth(OverheadChartRenderer.WIDTH + "px");
    setMaxWidth("100%");
  }

  void show(OverheadChartData data) {
    setSrc(
        DownloadHandler.fromInputStream(
                event -> {
                  byte[] png = renderer.renderPng(data);
                  return new DownloadResponse(
                      new ByteArrayInputStream(png), "mtu-overhead.png", "image/png", png.length);
                })
            .inline());
    setAlt(describe(data));
  }

  /** The chart's content for screen readers and for anyone whose images are off. */
  static String describe(OverheadChartData data) {
    return data.title()
        + ". "
        + data.parts().stream()
            .map(part -> part.label() + ": " + part.bytes() + " bytes")
            .collect(Collectors.joining("; "));
  }
}
