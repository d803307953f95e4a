package io.secureoverlay.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RelativeTimeTest {

  private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

  @Test
  void pastAndFutureTimesReadAsAnOperatorSaysThem() {
    assertThat(RelativeTime.describe(NOW.minusSeconds(12), NOW)).isEqualTo("12 s ago");
    assertThat(RelativeTime.describe(NOW.minusSeconds(185), NOW)).isEqualTo("3 min 5 s ago");
    assertThat(RelativeTime.describe(NOW.plus(Duration.ofHours(23).plusMinutes(59)), NOW))
        .isEqualTo("in 23 h 59 min");
    assertThat(RelativeTime.describe(NOW.plus(Duration.ofDays(3)), NOW)).isEqualTo("in 3 d");
    assertThat(RelativeTime.describe(NOW.plusMillis(400), NOW)).isEqualTo("just now");
  }

  @Test
  void absoluteTimesAreUtc() {
    assertThat(RelativeTime.absolute(NOW)).isEqualTo("2026-11-26 08:00:00 UTC");
  }

  @Test
  void shortDurationsKeepATenthOfASecond() {
    assertThat(RelativeTime.precise(Duration.ofMillis(2345))).isEqualTo("2.3 s");
    assertThat(RelativeTime.precise(Duration.ofMillis(40))).isEqualTo("0.0 s");
    assertThat(RelativeTime.precise(Duration.ofSeconds(75))).isEqualTo("1 min 15 s");
  }
}
