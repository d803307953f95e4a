package io.secureoverlay.ui.mtu.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.secureoverlay.ui.base.ClusterIdentity;
import io.secureoverlay.ui.base.MainLayout;
import io.secureoverlay.ui.base.PageTitles;
import io.secureoverlay.ui.mtu.MtuInputs;
import io.secureoverlay.ui.mtu.MtuOutcome;
import io.secureoverlay.ui.mtu.MtuService;
import io.secureoverlay.ui.mtu.OverheadChartRenderer;
import jakarta.annotation.security.PermitAll;

/**
 * The MTU calculator: the largest tunnel MTU that still fits after ESP, next to the figure the
 * documented UCP rule gives, whether that one fragments, where the overhead goes, and the lines
 * that configure it. Read-only for every role: nothing here changes the cluster.
 */
@Route(value = "mtu", layout = MainLayout.class)
@Menu(order = 10, icon = "vaadin:calc", title = "MTU calculator")
@PermitAll
public class MtuView extends VerticalLayout implements HasDynamicTitle {

  private static final long serialVersionUID = 1L;

  private final transient MtuService service;
  private final ClusterIdentity cluster;
  private final MtuInputForm form;
  private final MtuResultPanel results;
  private final Div refusedNotice = new Div();

  public MtuView(MtuService service, OverheadChartRenderer renderer, ClusterIdentity cluster) {
    this.service = service;
    this.cluster = cluster;
    addClassName("mtu-view");
    setPadding(true);
    setMaxWidth("1100px");
    form = new MtuInputForm(service.initialExtMtus(), service.reportingNodes());
    results = new MtuResultPanel(renderer);
    refusedNotice.setId("mtu-refused");
    refusedNotice.addClassName("mtu-refused");
    refusedNotice.setText("Correct the external MTU above to see the figures.");
    add(createHeader(), form, refusedNotice, results);
    form.addInputsChangedListener(event -> show(event.inputs()));
    show(form.inputs());
  }

  private static Div createHeader() {
    H2 title = new H2("MTU calculator");
    Paragraph intro =
        new Paragraph(
            "ESP adds bytes to every pod packet between nodes. Give the tunnel an MTU small"
                + " enough that the largest encrypted packet still fits the nodes' network;"
                + " one byte too many and full-size packets fragment or are dropped.");
    intro.addClassName("view-intro");
    return new Div(title, intro);
  }

  private void show(MtuInputs inputs) {
    MtuOutcome outcome = service.evaluate(inputs);
    if (outcome instanceof MtuOutcome.Calculated calculated) {
      form.clearRefusal();
      results.show(calculated.result(), service.configuredTunnelMtu());
      results.setVisible(true);
      refusedNotice.setVisible(false);
    } else if (outcome instanceof MtuOutcome.Rejected rejected) {
      form.showRefused(rejected.fieldMessage());
      results.setVisible(false);
      refusedNotice.setVisible(true);
    }
  }

  @Override
  public String getPageTitle() {
    return PageTitles.of("MTU calculator", cluster);
  }
}
