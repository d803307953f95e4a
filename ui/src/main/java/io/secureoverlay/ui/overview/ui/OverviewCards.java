package io.secureoverlay.ui.overview.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.ui.cluster.TimeText;
import io.secureoverlay.ui.overview.OverviewSummary;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The overview's headline: the phase as a big badge, then one card per figure. */
class OverviewCards extends Div {

  private static final long serialVersionUID = 1L;

  private final Span phase = new Span();
  private final SummaryCard epoch = new SummaryCard("current-epoch", "Current epoch");
  private final SummaryCard nodes = new SummaryCard("nodes-encrypting", "Nodes encrypting");
  private final SummaryCard lagging = new SummaryCard("lagging-nodes", "Lagging nodes");
  private final SummaryCard excluded = new SummaryCard("excluded-nodes", "Excluded nodes");
  private final SummaryCard rotation = new SummaryCard("next-rotation", "Next rotation");

  OverviewCards() {
    addClassName("overview-cards");
    phase.setId("overview-phase");
    phase.getElement().setAttribute("role", "status");
    Span phaseLabel = new Span("Encryption");
    phaseLabel.addClassName("overview-card__label");
    Div phaseCard = new Div(phaseLabel, phase);
    phaseCard.addClassNames("so-card", "overview-card", "overview-card--phase");
    Div figures = new Div(epoch, nodes, lagging, excluded, rotation);
    figures.addClassName("overview-figures");
    add(phaseCard, figures);
  }

  void show(OverviewSummary summary, Instant now) {
    OverlayPhase current = summary.phase();
    phase.setText(OverviewSummary.phaseName(current));
    phase.setClassName("overview-phase");
    phase.addClassName("overview-phase--" + current.name().toLowerCase(Locale.ROOT));
    epoch.show(
        summary.currentEpochText(),
        summary.currentEpoch().map(e -> "Fingerprint " + e.fingerprint()).orElse(null),
        summary
            .currentEpoch()
            .map(
                e ->
                    e.createdAt() == null ? "" : "created " + TimeText.describe(e.createdAt(), now))
            .orElse("Nobody encrypts"),
        false);
    nodes.show(
        summary.encrypting() + " / " + summary.total(),
        null,
        "acknowledged as sending ESP",
        summary.encrypting() > 0 && summary.encrypting() < summary.total());
    lagging.show(
        names(summary.lagging()),
        null,
        summary.lagging().isEmpty()
            ? "every node acknowledges in time"
            : "not acknowledging the plan",
        !summary.lagging().isEmpty());
    excluded.show(names(summary.excluded()), null, "take no part in encryption", false);
    rotation.show(
        summary.nextRotation().map(at -> TimeText.describe(at, now)).orElse("\u2014"),
        summary.nextRotation().map(TimeText::absolute).orElse(null),
        summary.nextRotation().map(TimeText::absolute).orElse("None scheduled"),
        false);
  }

  private static String names(List<String> names) {
    return names.isEmpty() ? "None" : String.join(", ", names);
  }
}
