package io.secureoverlay.agent.xfrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XfrmStatParserTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = XfrmStatParserTest.class.getResourceAsStream("/xfrm/stat/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  @Test
  void aCaptureWithIntegrityFailuresShowsThemUnderTheirNames() throws IOException {
    // captured in the lab: an inbound SA with the wrong key, three pings (capture-xfrm-stat.sh)
    XfrmStatCounters c =
        XfrmStatParser.parse(resource("xfrm_stat-linux-6.1-integrity-failures.txt"));
    assertThat(c.counters()).hasSize(28);
    assertThat(c.inStateProtoError()).isEqualTo(3);
    assertThat(c.get("XfrmInStateProtoError")).hasValue(3);
    assertThat(c.inNoStates()).isZero();
    assertThat(c.total()).isEqualTo(3);
    assertThat(c.counters().keySet()).first().isEqualTo("XfrmInError");
  }

  @Test
  void aNewerKernelsLongerListIsKeptWhole() throws IOException {
    XfrmStatCounters c = XfrmStatParser.parse(resource("xfrm_stat-linux-6.18-host.txt"));
    assertThat(c.counters()).hasSize(32).containsKey("XfrmInIptfsError");
    assertThat(c.get("NoSuchCounter")).isEmpty();
    assertThat(c.outStateSeqError()).isZero();
  }

  @Test
  void aMalformedLineIsAnErrorNamingItsNumber() {
    assertThatThrownBy(() -> XfrmStatParser.parse("XfrmInError 0\nXfrmInNoStates\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> XfrmStatParser.parse("XfrmInError x\n"))
        .hasMessageContaining("counter XfrmInError has no number: 'x'");
    assertThatThrownBy(() -> XfrmStatParser.parse("XfrmInError 1\nXfrmInError 2\n"))
        .hasMessageContaining("appears twice");
    assertThatThrownBy(() -> XfrmStatParser.parse("\n")).hasMessageContaining("empty");
  }
}
