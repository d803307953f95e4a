package io.secureoverlay.ui.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RelativeTimeTest {

  private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

  @Test
  void readsAsAnOperatorWouldSayIt() {
    assertThat(RelativeTime.ago(NOW, NOW)).isEqualTo("just now");
    assertThat(RelativeTime.ago(NOW.minusSeconds(12), NOW)).isEqualTo("12 s ago");
    assertThat(RelativeTime.ago(NOW.minusSeconds(300), NOW)).isEqualTo("5 min ago");
    assertThat(RelativeTime.ago(NOW.minusSeconds(3 * 3600), NOW)).isEqualTo("3 h ago");
    assertThat(RelativeTime.ago(NOW.minusSeconds(3 * 86_400), NOW)).isEqualTo("3 d ago");
  }

  @Test
  void aTimeAheadOfNowReadsJustNow() {
    assertThat(RelativeTime.ago(NOW.plusSeconds(30), NOW)).isEqualTo("just now");
  }

  @Test
  void theTooltipTimeIsUtc() {
    assertThat(RelativeTime.utc(NOW.plusSeconds(5))).isEqualTo("2026-11-26 08:00:05 UTC");
  }
}
