package io.secureoverlay.agent.xfrm.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The annotated golden files are exactly the bytes strace recorded in capture.txt, so no byte of
 * the goldens the codec tests compare against was typed by hand.
 */
class GoldenCaptureTest {

  @Test
  void everyAnnotatedFileIsByteForByteADatagramOfTheCapture() {
    Map<String, List<byte[]>> capture = GoldenHex.captureDatagrams();
    List<String> names = GoldenHex.hexFileNames();
    assertThat(names).hasSize(40);
    for (String name : names) {
      String[] parts = name.split("\\.");
      int n = parts.length == 3 ? Integer.parseInt(parts[2]) : 1;
      List<byte[]> datagrams = capture.get(parts[0] + " " + parts[1]);
      assertThat(datagrams).as("capture of %s", name).isNotNull().hasSizeGreaterThanOrEqualTo(n);
      assertThat(GoldenHex.load(name)).as(name).isEqualTo(datagrams.get(n - 1));
    }
  }

  @Test
  void everyDatagramOfTheCaptureHasItsAnnotatedFile() {
    long datagrams = GoldenHex.captureDatagrams().values().stream().mapToLong(List::size).sum();
    assertThat(GoldenHex.hexFileNames()).hasSize((int) datagrams);
  }
}
