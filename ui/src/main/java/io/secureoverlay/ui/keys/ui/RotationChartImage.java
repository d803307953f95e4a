package io.secureoverlay.ui.keys.ui;

import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.secureoverlay.ui.keys.RotationChartData;
import io.secureoverlay.ui.keys.RotationChartRenderer;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One rotation chart as a PNG. Each new data set gets a new download handler, so a new URL the
 * browser fetches afresh; the PNG is drawn when the browser asks for it.
 */
class RotationChartImage extends Image {

  private static final long serialVersionUID = 1L;

  private final transient RotationChartRenderer renderer;
  private final boolean horizontal;
  private final String fileName;
  private RotationChartData shown;

  RotationChartImage(
      String id, RotationChartRenderer renderer, boolean horizontal, String fileName) {
    this.renderer = renderer;
    this.horizontal = horizontal;
    this.fileName = fileName;
    setId(id);
    addClassName("keys-chart");
    setWidth(RotationChartRenderer.WIDTH + "px");
    setMaxWidth("100%");
  }

  void show(RotationChartData data) {
    if (data.equals(shown)) {
      return;
    }
    shown = data;
    setSrc(
        DownloadHandler.fromInputStream(
                event -> {
                  byte[] png = renderer.renderPng(data, horizontal);
                  return new DownloadResponse(
                      new ByteArrayInputStream(png), fileName, "image/png", png.length);
                })
            .inline());
    setAlt(describe(data));
  }

  /** The chart's content for screen readers and for anyone whose images are off. */
  static String describe(RotationChartData data) {
    if (data.bars().isEmpty()) {
      return data.title() + ". " + data.emptyMessage() + ".";
    }
    return data.title()
        + ". "
        + data.bars().stream()
            .map(bar -> bar.label() + ": " + format(bar.value()) + " " + data.valueAxis())
            .collect(Collectors.joining("; "));
  }

  private static String format(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
