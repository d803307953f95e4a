package io.secureoverlay.ui.keys.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.secureoverlay.ui.base.ClusterIdentity;
import io.secureoverlay.ui.base.MainLayout;
import io.secureoverlay.ui.base.PageTitles;
import io.secureoverlay.ui.cluster.ApiUnreachableNotice;
import io.secureoverlay.ui.cluster.ClusterSnapshot;
import io.secureoverlay.ui.cluster.ClusterState;
import io.secureoverlay.ui.cluster.LiveSnapshots;
import io.secureoverlay.ui.cluster.OverlayControlService;
import io.secureoverlay.ui.keys.RotationChartRenderer;
import io.secureoverlay.ui.keys.RotationHistory;
import io.secureoverlay.ui.security.Roles;
import jakarta.annotation.security.PermitAll;

/**
 * Keys and rotation: the live epochs with their fingerprints, the rotation schedule, "Rotate now"
 * for OPERATORs, and the rotations seen so far with their timings. Every role sees the figures;
 * only OPERATORs are offered the controls that change the cluster.
 */
@Route(value = "keys", layout = MainLayout.class)
@Menu(order = 40, icon = "vaadin:key", title = "Keys and rotation")
@PermitAll
public class KeysView extends VerticalLayout implements HasDynamicTitle {

  private static final long serialVersionUID = 1L;

  private final ApiUnreachableNotice disconnected = new ApiUnreachableNotice("keys-disconnected");
  private final ClusterIdentity cluster;
  private final EpochsPanel epochs = new EpochsPanel();
  private final RotationIntervalPanel interval;
  private final RotateNowPanel rotate;
  private final RotationHistoryPanel history;

  public KeysView(
      ClusterState state,
      RotationHistory rotations,
      OverlayControlService control,
      RotationChartRenderer renderer,
      ClusterIdentity cluster,
      AuthenticationContext authentication) {
    this.cluster = cluster;
    boolean operator = authentication.hasRole(Roles.OPERATOR);
    addClassName("keys-view");
    setPadding(true);
    setMaxWidth("1100px");
    interval = new RotationIntervalPanel(operator, control);
    rotate = operator ? new RotateNowPanel(control) : null;
    history = new RotationHistoryPanel(rotations, renderer);
    add(disconnected, createHeader(operator), epochs, interval);
    if (rotate != null) {
      add(rotate);
    }
    add(history);
    LiveSnapshots.bind(this, state, this::show);
  }

  private static Div createHeader(boolean operator) {
    H2 title = new H2("Keys and rotation");
    Paragraph intro =
        new Paragraph(
            "Pod traffic between nodes is encrypted with per-epoch keys that the master rotates"
                + " in acknowledged steps: every node accepts the new key before anyone sends"
                + " with it, and the old one is removed only after a grace period."
                + (operator ? "" : " Changing the schedule or rotating needs the OPERATOR role."));
    intro.addClassName("view-intro");
    return new Div(title, intro);
  }

  private void show(ClusterSnapshot snapshot) {
    disconnected.show(snapshot);
    epochs.show(snapshot);
    interval.show(snapshot);
    if (rotate != null) {
      rotate.show(snapshot);
    }
    history.show(snapshot.takenAt());
  }

  @Override
  public String getPageTitle() {
    return PageTitles.of("Keys and rotation", cluster);
  }
}
