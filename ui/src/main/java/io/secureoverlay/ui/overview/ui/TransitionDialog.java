package io.secureoverlay.ui.overview.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.secureoverlay.protocol.TransitionKind;
import io.secureoverlay.ui.base.ControlEffect;
import io.secureoverlay.ui.cluster.OverlayChangeRefusedException;
import io.secureoverlay.ui.cluster.TransitionPhases;
import io.secureoverlay.ui.overview.MtuFit;
import io.secureoverlay.ui.overview.NodeConcern;
import io.secureoverlay.ui.overview.TransitionImpact;

/**
 * The confirmation before encryption is switched on or off. It tells what will happen (steps,
 * nodes, nodes at risk, MTU) before anything is written; only the confirm button writes, through
 * the {@link Confirmation} the view gives it. Disabling also asks for the cluster's name.
 */
class TransitionDialog extends Dialog {

  private static final long serialVersionUID = 1L;

  /** What confirming does; returns normally when the change was written. */
  @FunctionalInterface
  interface Confirmation {
    void confirm(boolean enforce, String typedClusterName);
  }

  private final Checkbox enforce =
      ControlEffect.local(
          new Checkbox("Refuse plaintext from peers once they encrypt (enforce)", true));
  private final TextField clusterName = ControlEffect.local(new TextField());
  private final Button confirm = ControlEffect.CHANGES_CLUSTER.mark(new Button());
  private final Div error = new Div();

  TransitionDialog(
      TransitionImpact impact,
      String clusterDisplayName,
      String expectedName,
      Confirmation action) {
    setId("transition-dialog");
    addClassName("transition-dialog");
    boolean enabling = impact.kind() == TransitionKind.ENABLE;
    setHeaderTitle(
        (enabling ? "Enable" : "Disable") + " encryption on " + clusterDisplayName + "?");
    setWidth("min(44rem, 95vw)");
    setCloseOnOutsideClick(false);

    add(phases(impact), concerns(impact), mtu(impact.mtu()));
    if (enabling) {
      enforce.setId("enforce-checkbox");
      enforce.setHelperText(
          "Without it, nodes keep accepting plaintext from peers: encryption is on, but not"
              + " required.");
      add(enforce);
    } else {
      clusterName.setId("confirm-cluster-name");
      clusterName.setLabel("Type the cluster name \u201c" + expectedName + "\u201d to confirm");
      clusterName.setWidthFull();
      clusterName.setValueChangeMode(ValueChangeMode.EAGER);
      clusterName.addValueChangeListener(
          change -> confirm.setEnabled(change.getValue().strip().equals(expectedName)));
      add(
          new Paragraph(
              "Pod traffic between nodes will travel unencrypted once the steps are done."),
          clusterName);
    }
    error.setId("transition-error");
    error.addClassName("transition-dialog__error");
    error.getElement().setAttribute("role", "alert");
    error.setVisible(false);
    add(error);

    confirm.setId("confirm-transition");
    confirm.setText(enabling ? "Enable encryption" : "Disable encryption");
    confirm.addThemeVariants(
        ButtonVariant.LUMO_PRIMARY,
        enabling ? ButtonVariant.LUMO_SUCCESS : ButtonVariant.LUMO_ERROR);
    confirm.setEnabled(enabling);
    confirm.addClickListener(
        click -> {
          try {
            action.confirm(enforce.getValue(), clusterName.getValue());
            close();
          } catch (OverlayChangeRefusedException refused) {
            // Shown where the operator looks; nothing was written.
            error.setText(refused.getMessage());
            error.setVisible(true);
          }
        });
    Button cancel = ControlEffect.local(new Button("Cancel", click -> close()));
    cancel.setId("cancel-transition");
    getFooter().add(cancel, confirm);
  }

  private static Component phases(TransitionImpact impact) {
    OrderedList steps = new OrderedList();
    for (TransitionPhases.Step step : impact.phases()) {
      steps.add(new ListItem(step.label()));
    }
    steps.setId("transition-phases");
    Paragraph nodes =
        new Paragraph(
            impact.participatingNodes()
                + (impact.participatingNodes() == 1 ? " node takes" : " nodes take")
                + " part. The master runs these steps in order and moves on only when every"
                + " live node has acknowledged the previous one:");
    nodes.setId("transition-nodes");
    return section("What will happen", nodes, steps);
  }

  private static Component concerns(TransitionImpact impact) {
    Div body = new Div();
    body.setId("transition-concerns");
    if (impact.concerns().isEmpty()) {
      body.add(new Paragraph("Every node is Ready, in step and without errors."));
    } else {
      body.addClassName("transition-dialog__warning");
      body.add(
          new Paragraph(
              impact.concerns().size()
                  + (impact.concerns().size() == 1 ? " node is" : " nodes are")
                  + " lagging or unhealthy; their pods may lose traffic while the steps run:"));
      UnorderedList list = new UnorderedList();
      for (NodeConcern concern : impact.concerns()) {
        list.add(new ListItem(concern.text()));
      }
      body.add(list);
    }
    return section("Nodes at risk", body);
  }

  private static Component mtu(MtuFit fit) {
    Paragraph verdict = new Paragraph(fit.text());
    verdict.setId("transition-mtu");
    verdict.addClassName("transition-dialog__mtu");
    if (fit.state() == MtuFit.State.FRAGMENTS) {
      verdict.addClassName("transition-dialog__warning");
    }
    return section("MTU", verdict);
  }

  private static Component section(String title, Component... content) {
    Div section = new Div(new H4(title));
    section.addClassName("transition-dialog__section");
    section.add(content);
    return section;
  }
}
