package io.secureoverlay.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.protocol.TransitionKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransitionPhasesTest {

  @ParameterizedTest
  @EnumSource(TransitionKind.class)
  void everyStepOfTheProtocolHasWordsForTheOperator(TransitionKind kind) {
    assertThat(TransitionPhases.of(kind))
        .extracting(TransitionPhases.Step::name)
        .isEqualTo(kind.steps());
    assertThat(TransitionPhases.of(kind))
        .allSatisfy(
            step -> assertThat(step.label()).isNotBlank().doesNotContainPattern("[a-z][A-Z]"));
  }
}
