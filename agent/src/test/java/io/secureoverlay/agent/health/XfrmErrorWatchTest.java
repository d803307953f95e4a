package io.secureoverlay.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class XfrmErrorWatchTest {

  @Test
  void firstLookReportsCountersAlreadyRaised() {
    XfrmErrorWatch watch = new XfrmErrorWatch();
    assertThat(watch.describeRises(Map.of("XfrmInNoStates", 3L, "XfrmInTmplMismatch", 0L)))
        .contains("XfrmInNoStates=+3(total 3)");
  }

  @Test
  void reportsOnlyWhatRoseSinceTheLastLook() {
    XfrmErrorWatch watch = new XfrmErrorWatch();
    watch.rises(Map.of("XfrmInStateProtoError", 40L, "XfrmInNoStates", 2L));

    assertThat(watch.describeRises(Map.of("XfrmInStateProtoError", 52L, "XfrmInNoStates", 2L)))
        .contains("XfrmInStateProtoError=+12(total 52)");
    assertThat(watch.describeRises(Map.of("XfrmInStateProtoError", 52L, "XfrmInNoStates", 2L)))
        .isEmpty();
  }

  @Test
  void aCounterResetIsNotAnError() {
    XfrmErrorWatch watch = new XfrmErrorWatch();
    watch.rises(Map.of("XfrmInNoStates", 9L));
    assertThat(watch.rises(Map.of("XfrmInNoStates", 0L))).isEmpty();
    assertThat(watch.rises(Map.of("XfrmInNoStates", 1L))).containsEntry("XfrmInNoStates", 1L);
  }
}
