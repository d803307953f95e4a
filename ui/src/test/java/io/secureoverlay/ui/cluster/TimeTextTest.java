package io.secureoverlay.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeTextTest {

  private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

  @Test
  void pastAndFutureTimesReadAsAnOperatorSaysThem() {
    assertThat(TimeText.describe(NOW.minusSeconds(12), NOW)).isEqualTo("12 s ago");
    assertThat(TimeText.describe(NOW.minusSeconds(185), NOW)).isEqualTo("3 min 5 s ago");
    assertThat(TimeText.describe(NOW.plus(Duration.ofHours(23).plusMinutes(59)), NOW))
        .isEqualTo("in 23 h 59 min");
    assertThat(TimeText.describe(NOW.plus(Duration.ofDays(3)), NOW)).isEqualTo("in 3 d");
    assertThat(TimeText.describe(NOW.plusMillis(400), NOW)).isEqualTo("just now");
  }

  @Test
  void absoluteTimesAreUtc() {
    assertThat(TimeText.absolute(NOW)).isEqualTo("2026-11-26 08:00:00 UTC");
  }

  @Test
  void shortDurationsKeepATenthOfASecond() {
    assertThat(TimeText.precise(Duration.ofMillis(2345))).isEqualTo("2.3 s");
    assertThat(TimeText.precise(Duration.ofMillis(40))).isEqualTo("0.0 s");
    assertThat(TimeText.precise(Duration.ofSeconds(75))).isEqualTo("1 min 15 s");
  }

  @Test
  void readsAsAnOperatorWouldSayIt() {
    assertThat(TimeText.ago(NOW, NOW)).isEqualTo("just now");
    assertThat(TimeText.ago(NOW.minusSeconds(12), NOW)).isEqualTo("12 s ago");
    assertThat(TimeText.ago(NOW.minusSeconds(300), NOW)).isEqualTo("5 min ago");
    assertThat(TimeText.ago(NOW.minusSeconds(3 * 3600), NOW)).isEqualTo("3 h ago");
    assertThat(TimeText.ago(NOW.minusSeconds(3 * 86_400), NOW)).isEqualTo("3 d ago");
  }

  @Test
  void aTimeAheadOfNowReadsJustNow() {
    assertThat(TimeText.ago(NOW.plusSeconds(30), NOW)).isEqualTo("just now");
  }

  @Test
  void theTooltipTimeIsUtc() {
    assertThat(TimeText.absolute(NOW.plusSeconds(5))).isEqualTo("2026-11-26 08:00:05 UTC");
  }
}
