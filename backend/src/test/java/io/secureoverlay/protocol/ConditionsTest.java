package io.secureoverlay.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

  private static final Instant T0 = Instant.parse("2024-06-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2024-06-01T00:05:00Z");

  @Test
  void aNewTypeIsAppendedStampedNow() {
    List<StatusCondition> out =
        Conditions.put(
            List.of(), condition(StatusCondition.READY, ConditionStatus.FALSE, "Enabling"), T0);

    assertThat(out).singleElement().extracting(StatusCondition::lastTransitionTime).isEqualTo(T0);
  }

  @Test
  void unchangedStatusKeepsItsTransitionTimeButTakesTheNewReasonAndMessage() {
    List<StatusCondition> before =
        Conditions.put(
            null, condition(StatusCondition.READY, ConditionStatus.FALSE, "Enabling"), T0);

    List<StatusCondition> after =
        Conditions.put(
            before, condition(StatusCondition.READY, ConditionStatus.FALSE, "Lagging"), T1);

    assertThat(after)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.lastTransitionTime()).isEqualTo(T0);
              assertThat(c.reason()).isEqualTo("Lagging");
            });
  }

  @Test
  void aFlipIsStampedWithTheNewTimeAndKeepsItsPlaceInTheList() {
    List<StatusCondition> before =
        List.of(
            new StatusCondition(
                StatusCondition.READY, ConditionStatus.FALSE, "Enabling", "m", T0, 1L),
            new StatusCondition(
                StatusCondition.PROGRESSING, ConditionStatus.TRUE, "Enabling", "m", T0, 1L));

    List<StatusCondition> after =
        Conditions.put(
            before, condition(StatusCondition.READY, ConditionStatus.TRUE, "Encrypting"), T1);

    assertThat(after).extracting(StatusCondition::type).containsExactly("Ready", "Progressing");
    assertThat(after.get(0).lastTransitionTime()).isEqualTo(T1);
    assertThat(after.get(0).isTrue()).isTrue();
    assertThat(after.get(1)).isSameAs(before.get(1));
    assertThat(Conditions.find(after, StatusCondition.READY)).contains(after.get(0));
    assertThat(Conditions.find(after, StatusCondition.DEGRADED)).isEmpty();
  }

  private static StatusCondition condition(String type, ConditionStatus status, String reason) {
    return new StatusCondition(type, status, reason, "for people", null, 3L);
  }
}
