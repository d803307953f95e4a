package io.secureoverlay.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationParserTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "24h, PT24H",
    "90m, PT1H30M",
    "1h30m, PT1H30M",
    "45s, PT45S",
    "1h0m5s, PT1H5S",
    "2m30s, PT2M30S",
    "0s, PT0S",
    "8760h, PT8760H"
  })
  void parsesHoursMinutesAndSeconds(String text, Duration expected) {
    assertThat(DurationParser.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "-1h         | '-1h' is negative",
        "1.5h        | '1.5h' has a fraction: write whole units",
        "30m1h       | '30m1h' repeats or reorders units",
        "1h1h        | '1h1h' repeats or reorders units",
        "1d          | '1d' has unknown unit 'd'",
        "10          | '10' is not a duration",
        "h           | 'h' is not a duration",
        "'1 h'       | '1 h' has unknown unit ' '",
        "' 1h'       | ' 1h' is not a duration",
        "24H         | '24H' has unknown unit 'H'",
        "+5m         | '+5m' is not a duration",
        "99999999999h| '99999999999h' is too large",
        "''          | missing",
      })
  void refusesWhatItCannotReadUnambiguously(String text, String expected) {
    assertThatThrownBy(() -> DurationParser.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(expected);
  }

  @Test
  void refusesNullAndOverlongText() {
    assertThatThrownBy(() -> DurationParser.parse(null)).hasMessageStartingWith("missing");
    assertThatThrownBy(() -> DurationParser.parse("1".repeat(40) + "h"))
        .hasMessage("longer than 32 characters");
  }

  @Test
  void theLargestAcceptedNumberDoesNotOverflow() {
    assertThat(DurationParser.parse("9999999999h")).isEqualTo(Duration.ofHours(9_999_999_999L));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"PT24H, 24h", "PT1H30M, 1h30m", "PT1H5S, 1h5s", "PT45S, 45s", "PT0S, 0s"})
  void formatsCanonicallyAndParsesBack(Duration duration, String expected) {
    assertThat(DurationParser.format(duration)).isEqualTo(expected);
    assertThat(DurationParser.parse(expected)).isEqualTo(duration);
  }

  @Test
  void formatRefusesWhatTheSpecCannotExpress() {
    assertThatThrownBy(() -> DurationParser.format(Duration.ofSeconds(-1)))
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> DurationParser.format(Duration.ofMillis(1500)))
        .hasMessageContaining("fraction of a second");
  }
}
