package io.secureoverlay.ui.overview.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.secureoverlay.protocol.TransitionKind;
import io.secureoverlay.ui.base.ClusterIdentity;
import io.secureoverlay.ui.base.MainLayout;
import io.secureoverlay.ui.base.PageTitles;
import io.secureoverlay.ui.cluster.ApiUnreachableNotice;
import io.secureoverlay.ui.cluster.ClusterSnapshot;
import io.secureoverlay.ui.cluster.ClusterState;
import io.secureoverlay.ui.cluster.LiveSnapshots;
import io.secureoverlay.ui.cluster.OverlayControlService;
import io.secureoverlay.ui.overview.OverviewSummary;
import io.secureoverlay.ui.overview.ToggleState;
import io.secureoverlay.ui.overview.TransitionImpactCalculator;
import io.secureoverlay.ui.overview.TransitionProgress;
import io.secureoverlay.ui.overview.TransitionTracker;
import io.secureoverlay.ui.security.Roles;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;

/**
 * The start page: is pod traffic encrypted, with which epoch, on how many nodes, what is wrong,
 * what happened lately; and, for operators, the switch that turns encryption on or off after a
 * confirmation that says what will happen.
 */
@Route(value = "", layout = MainLayout.class)
@Menu(order = 0, icon = "vaadin:dashboard", title = "Overview")
@PermitAll
public class OverviewView extends VerticalLayout implements HasDynamicTitle {

  private static final long serialVersionUID = 1L;

  private final transient ClusterState state;
  private final transient OverlayControlService control;
  private final transient TransitionImpactCalculator impacts;
  private final transient Clock clock;
  private final ClusterIdentity cluster;
  private final transient TransitionTracker tracker = new TransitionTracker();
  private final ApiUnreachableNotice disconnected =
      new ApiUnreachableNotice("overview-disconnected");
  private final OverviewCards cards = new OverviewCards();
  private final TransitionStepper stepper = new TransitionStepper();
  private final ConditionsPanel conditions = new ConditionsPanel();
  private final EventsGrid events;
  private final EncryptionToggle toggle;

  public OverviewView(
      ClusterState state,
      OverlayControlService control,
      TransitionImpactCalculator impacts,
      ClusterIdentity cluster,
      AuthenticationContext authentication,
      Clock clock) {
    this.state = state;
    this.control = control;
    this.impacts = impacts;
    this.cluster = cluster;
    this.clock = clock;
    this.events = new EventsGrid(clock::instant);
    // Viewers and auditors are not offered the switch at all; the service refuses them anyway.
    this.toggle =
        authentication.hasRole(Roles.OPERATOR) ? new EncryptionToggle(this::openDialog) : null;
    addClassName("overview-view");
    setPadding(true);
    setMaxWidth("1200px");
    add(disconnected, createHeader(), cards, stepper, conditions, events);
    LiveSnapshots.bind(this, state, this::render);
  }

  private Component createHeader() {
    H2 title = new H2("Overview");
    Paragraph intro =
        new Paragraph(
            "Whether pod traffic between nodes is encrypted, with which key epoch, and what the"
                + " master and the nodes' agents last reported.");
    intro.addClassName("view-intro");
    Div text = new Div(title, intro);
    Div header = new Div(text);
    header.addClassName("overview-header");
    if (toggle != null) {
      header.add(toggle);
    }
    return header;
  }

  private void render(ClusterSnapshot snapshot) {
    disconnected.show(snapshot);
    OverviewSummary summary = OverviewSummary.of(snapshot);
    cards.show(summary, clock.instant());
    stepper.show(TransitionProgress.of(snapshot), tracker.update(snapshot));
    conditions.show(summary.conditions(), clock.instant());
    events.show(snapshot.events());
    if (toggle != null) {
      toggle.show(ToggleState.of(snapshot));
    }
  }

  private void openDialog(TransitionKind kind) {
    ClusterSnapshot snapshot = state.current();
    TransitionDialog dialog =
        new TransitionDialog(
            impacts.impactOf(kind, snapshot),
            cluster.displayName(),
            cluster.name(),
            (enforce, typedName) -> {
              if (kind == TransitionKind.ENABLE) {
                control.enable(enforce);
              } else {
                control.disable(typedName);
              }
            });
    dialog.open();
  }

  @Override
  public String getPageTitle() {
    return PageTitles.of("Overview", cluster);
  }
}
