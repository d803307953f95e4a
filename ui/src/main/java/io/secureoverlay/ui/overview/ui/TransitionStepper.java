package io.secureoverlay.ui.overview.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.secureoverlay.ui.overview.TransitionProgress;
import io.secureoverlay.ui.overview.TransitionTracker;
import java.util.Locale;
import java.util.Optional;

/**
 * A running transition: its steps (done ones ticked, the current one highlighted) and how many
 * nodes have acknowledged the current step; once it ends, how long it took.
 */
class TransitionStepper extends Div {

  private static final long serialVersionUID = 1L;

  private final Span title = new Span();
  private final OrderedList steps = new OrderedList();
  private final Div ack = new Div();
  private final Span ackText = new Span();
  private final ProgressBar ackBar = new ProgressBar(0, 1);
  private final Span summary = new Span();

  TransitionStepper() {
    setId("transition-progress");
    addClassNames("overview-section", "transition-progress");
    getElement().setAttribute("role", "status");
    title.addClassName("transition-progress__title");
    steps.addClassName("transition-steps");
    ack.setId("ack-progress");
    ack.addClassName("ack-progress");
    ackText.addClassName("ack-progress__text");
    ack.add(ackText, ackBar);
    summary.setId("transition-summary");
    summary.addClassName("transition-progress__summary");
    add(title, steps, ack, summary);
    setVisible(false);
  }

  void show(Optional<TransitionProgress> running, Optional<TransitionTracker.Finished> finished) {
    if (running.isPresent()) {
      showRunning(running.get());
    } else if (finished.isPresent()) {
      title.setVisible(false);
      steps.setVisible(false);
      ack.setVisible(false);
      summary.setText(finished.get().text());
      summary.setVisible(true);
      setVisible(true);
    } else {
      setVisible(false);
    }
  }

  private void showRunning(TransitionProgress progress) {
    title.setText(title(progress) + " in progress");
    title.setVisible(true);
    steps.removeAll();
    for (TransitionProgress.StepProgress step : progress.steps()) {
      Span mark = new Span(mark(step.state()));
      mark.addClassName("transition-step__mark");
      ListItem item = new ListItem(mark, new Span(step.step().label()));
      item.addClassNames(
          "transition-step", "transition-step--" + step.state().name().toLowerCase(Locale.ROOT));
      if (step.state() == TransitionProgress.StepState.CURRENT) {
        item.getElement().setAttribute("aria-current", "step");
      }
      steps.add(item);
    }
    steps.setVisible(true);
    ackText.setText(progress.acknowledgementText());
    ackBar.setValue(progress.acknowledgedShare());
    ack.setVisible(true);
    summary.setVisible(false);
    setVisible(true);
  }

  private static String mark(TransitionProgress.StepState state) {
    return switch (state) {
      case DONE -> "\u2713";
      case CURRENT -> "\u25b6";
      case PENDING -> "\u25cb";
    };
  }

  private static String title(TransitionProgress progress) {
    return switch (progress.kind()) {
      case ENABLE -> "Enabling encryption";
      case ROTATE -> "Key rotation";
      case DISABLE -> "Disabling encryption";
    };
  }
}
