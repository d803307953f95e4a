package io.secureoverlay.master;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.protocol.TransitionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransitionPipelineTest {

  @ParameterizedTest
  @EnumSource(TransitionKind.class)
  void runsTheStepsThePublishedProtocolNamesInThatOrder(TransitionKind kind) {
    List<String> run = new ArrayList<>();
    Optional<TransitionStep> step = Optional.of(TransitionPipeline.first(kind));
    while (step.isPresent()) {
      run.add(step.get().name());
      step = TransitionPipeline.after(kind, step.get());
    }

    assertThat(run).isEqualTo(kind.steps());
  }
}
