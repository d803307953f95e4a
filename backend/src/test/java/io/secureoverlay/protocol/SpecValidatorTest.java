package io.secureoverlay.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecValidatorTest {

  private final SpecValidator validator = new SpecValidator();

  @Test
  void theDefaultsAreValid() {
    assertThat(validator.validate(new SecureOverlaySpec())).isEmpty();
  }

  @Test
  void aFullyCustomisedSpecIsValid() {
    SecureOverlaySpec spec = new SecureOverlaySpec();
    spec.setEnabled(true);
    spec.setEnforce(true);
    spec.setCipher("aes-gcm-256");
    spec.setIcvBits(128);
    spec.setRotationInterval("1h30m");
    spec.setRetireGracePeriod("30s");
    spec.setAckTimeout("45s");
    spec.setMtu(new MtuSpec(1400, false));
    spec.setRotateNowToken("2024-06-11T10:00:00Z");
    spec.setExcludeNodes(List.of("gpu-1", "edge.example.com"));

    assertThat(validator.validate(spec)).isEmpty();
  }

  @Test
  void aMissingSpecIsOneProblem() {
    assertThat(validator.validate(null))
        .extracting(SpecProblem::toString)
        .containsExactly("spec: missing");
  }

  @Test
  void anUnknownCipherNamesTheFieldAndTheChoices() {
    assertThat(problems(s -> s.setCipher("aes-cbc")))
        .containsExactly(
            "spec.cipher: unknown cipher 'aes-cbc': expected one of aes-gcm-128, aes-gcm-256");
  }

  @Test
  void anOverlongCipherIsNotEchoed() {
    assertThat(problems(s -> s.setCipher("x".repeat(1000))))
        .containsExactly(
            "spec.cipher: longer than any cipher name: expected aes-gcm-128, aes-gcm-256");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 32, 63, 65, 127, 256, -64})
  void icvMustBe64Or96Or128(int bits) {
    assertThat(problems(s -> s.setIcvBits(bits)))
        .containsExactly(
            "spec.icvBits: ICV of " + bits + " bits is not allowed: expected one of 64, 96, 128");
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "0s     | spec.rotationInterval: '0s' is zero: durations must be positive",
        "0h0m   | spec.rotationInterval: '0h0m' is zero: durations must be positive",
        "-24h   | spec.rotationInterval: '-24h' is negative: durations must be positive",
        "4m59s  | spec.rotationInterval: '4m59s' is too short: the minimum is 5m",
        "1 day  | spec.rotationInterval: '1 day' has unknown unit ' '",
        "1.5h   | spec.rotationInterval: '1.5h' has a fraction",
      })
  void badRotationIntervalsAreExplained(String interval, String expected) {
    assertThat(problems(s -> s.setRotationInterval(interval)))
        .singleElement()
        .asString()
        .startsWith(expected);
  }

  @Test
  void fiveMinutesIsTheShortestInterval() {
    assertThat(problems(s -> s.setRotationInterval("5m"))).isEmpty();
  }

  @Test
  void theGracePeriodMustEndBeforeTheNextRotation() {
    assertThat(
            problems(
                s -> {
                  s.setRotationInterval("10m");
                  s.setRetireGracePeriod("10m");
                }))
        .containsExactly(
            "spec.retireGracePeriod: must be shorter than spec.rotationInterval (10m), or retired"
                + " epochs pile up");
  }

  @Test
  void timeoutsHaveFloors() {
    assertThat(
            problems(
                s -> {
                  s.setRetireGracePeriod("5s");
                  s.setAckTimeout("1s");
                }))
        .containsExactly(
            "spec.retireGracePeriod: '5s' is too short: the minimum is 10s",
            "spec.ackTimeout: '1s' is too short: the minimum is 10s");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 67, 575, 9001, 65535, -1})
  void tunnelMtuMustBeInRange(int mtu) {
    assertThat(problems(s -> s.setMtu(new MtuSpec(mtu, null))))
        .containsExactly("spec.mtu.tunnelMtu: " + mtu + " is outside 576..9000 bytes");
  }

  @Test
  void tunnelMtuAtTheBoundsIsAccepted() {
    assertThat(problems(s -> s.setMtu(new MtuSpec(576, false)))).isEmpty();
    assertThat(problems(s -> s.setMtu(new MtuSpec(9000, null)))).isEmpty();
    assertThat(problems(s -> s.setMtu(new MtuSpec(null, true)))).isEmpty();
    assertThat(problems(s -> s.setMtu(null))).isEmpty();
  }

  @Test
  void fixedMtuAndAutoDetectContradict() {
    assertThat(problems(s -> s.setMtu(new MtuSpec(1400, true))))
        .containsExactly("spec.mtu: set either tunnelMtu or autoDetect, not both: they contradict");
  }

  @Test
  void badExcludedNodeNamesAreReportedByPosition() {
    assertThat(
            problems(
                s ->
                    s.setExcludeNodes(java.util.Arrays.asList("ok-1", "Node_A", "", "ok-1", null))))
        .containsExactly(
            "spec.excludeNodes[1]: 'Node_A' is not a node name: expected lowercase letters, digits,"
                + " '-' and '.'",
            "spec.excludeNodes[2]: empty: expected a node name",
            "spec.excludeNodes[3]: 'ok-1' is listed twice",
            "spec.excludeNodes[4]: empty: expected a node name");
  }

  @Test
  void anOverlongRotateNowTokenIsRefused() {
    assertThat(problems(s -> s.setRotateNowToken("t".repeat(129))))
        .containsExactly("spec.rotateNowToken: longer than 128 characters");
    assertThat(problems(s -> s.setRotateNowToken("t".repeat(128)))).isEmpty();
  }

  @Test
  void missingRequiredFieldsAreEachReported() {
    List<String> found =
        problems(
            s -> {
              s.setEnabled(null);
              s.setEnforce(null);
              s.setCipher(null);
              s.setIcvBits(null);
              s.setRotationInterval(null);
              s.setRetireGracePeriod(null);
              s.setAckTimeout(null);
            });

    assertThat(found)
        .containsExactly(
            "spec.enabled: missing: expected true or false",
            "spec.enforce: missing: expected true or false",
            "spec.cipher: missing: expected aes-gcm-128, aes-gcm-256",
            "spec.icvBits: missing: expected 64, 96, 128",
            "spec.rotationInterval: missing: expected whole numbers followed by h, m or s, e.g."
                + " 24h, 90m or 1h30m",
            "spec.retireGracePeriod: missing: expected whole numbers followed by h, m or s, e.g."
                + " 24h, 90m or 1h30m",
            "spec.ackTimeout: missing: expected whole numbers followed by h, m or s, e.g. 24h, 90m"
                + " or 1h30m");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    List<String> found =
        problems(
            s -> {
              s.setCipher("des");
              s.setIcvBits(12);
              s.setRotationInterval("1m");
              s.setMtu(new MtuSpec(100, false));
            });

    assertThat(found)
        .extracting(p -> p.substring(0, p.indexOf(':')))
        .containsExactly(
            "spec.cipher", "spec.icvBits", "spec.rotationInterval", "spec.mtu.tunnelMtu");
  }

  private List<String> problems(Consumer<SecureOverlaySpec> change) {
    SecureOverlaySpec spec = new SecureOverlaySpec();
    change.accept(spec);
    return validator.validate(spec).stream().map(SpecProblem::toString).toList();
  }
}
