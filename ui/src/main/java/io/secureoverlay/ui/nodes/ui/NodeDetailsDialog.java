package io.secureoverlay.ui.nodes.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.ui.base.ControlEffect;
import io.secureoverlay.ui.cluster.TimeText;
import io.secureoverlay.ui.nodes.NodeRow;
import io.secureoverlay.ui.topology.NodeHealth;
import io.secureoverlay.ui.topology.TopologyModel;
import io.secureoverlay.ui.topology.TopologyNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one node's agent reports, for the topology and the nodes views: health and why, what
 * it has installed (epochs in and out, enforcement, how many peers it encrypts to and requires ESP
 * from), traffic per epoch, the kernel's non-zero XFRM error counters, its last error, MTUs,
 * underlay address, heartbeat, agent version and conditions. Kept current while open: the owning
 * view hands it every new model.
 */
public class NodeDetailsDialog extends Dialog {

  private static final long serialVersionUID = 1L;

  private final Div body = new Div();
  private String shownNode;

  public NodeDetailsDialog() {
    setId("node-details");
    addClassName("node-details");
    setWidth("min(720px, 95vw)");
    Button close = ControlEffect.local(new Button("Close", click -> close()));
    close.setId("node-details-close");
    getFooter().add(close);
    add(body);
    addOpenedChangeListener(
        event -> {
          if (!event.isOpened()) {
            shownNode = null;
          }
        });
  }

  /** Opens the dialog on the node, or does nothing when the model has no such node. */
  public void show(TopologyModel model, String nodeName) {
    model
        .node(nodeName)
        .ifPresent(
            node -> {
              shownNode = nodeName;
              fill(node, model);
              open();
            });
  }

  /** Refreshes an open dialog from a newer model. */
  public void update(TopologyModel model) {
    if (shownNode == null || !isOpened()) {
      return;
    }
    Optional<TopologyNode> node = model.node(shownNode);
    if (node.isPresent()) {
      fill(node.get(), model);
    } else {
      body.removeAll();
      body.add(new Div("Node " + shownNode + " is no longer in the cluster."));
    }
  }

  /** The node shown, if the dialog is open. */
  public Optional<String> shownNode() {
    return Optional.ofNullable(isOpened() ? shownNode : null);
  }

  private void fill(TopologyNode node, TopologyModel model) {
    setHeaderTitle("Node " + node.name());
    body.removeAll();
    body.add(createHealth(node));
    SecureOverlayNodeStatus s = node.report();
    if (s == null) {
      return;
    }
    Instant now = model.judgedAt();
    NodeFacts facts = new NodeFacts();
    facts.add("Underlay IP", orUnknown(s.getUnderlayIp()));
    facts.add("Interface MTU", orUnknown(s.getInterfaceMtu()));
    facts.add("Tunnel MTU", orUnknown(s.getTunnelMtu()));
    facts.add("Agent version", orUnknown(s.getAgentVersion()));
    if (s.getHeartbeat() == null) {
      facts.add("Heartbeat", "never");
    } else {
      facts
          .add("Heartbeat", TimeText.ago(s.getHeartbeat(), now))
          .getElement()
          .setAttribute("title", TimeText.absolute(s.getHeartbeat()));
    }
    facts.add(
        "Plan index",
        node.planIndex().isPresent() ? String.valueOf(node.planIndex().getAsInt()) : "not in plan");
    facts.add("Plan revision applied", orUnknown(s.getObservedPlanRevision()));
    facts.add("Inbound epochs", NodeRow.of(node, now).inboundEpochsText());
    facts.add(
        "Outbound epoch", s.getOutboundEpoch() == null ? "none (plaintext)" : s.getOutboundEpoch());
    facts.add("Enforces ESP", Boolean.TRUE.equals(s.getEnforce()) ? "yes" : "no");
    int peers = model.size() - 1;
    facts.add(
        "Encrypting to",
        count(s.getEncryptingTo() == null ? 0 : s.getEncryptingTo().size(), peers));
    facts.add(
        "Requires ESP from",
        count(s.getEnforcingFrom() == null ? 0 : s.getEnforcingFrom().size(), peers));
    facts.setId("node-details-facts");
    body.add(facts);
    body.add(new H4("Traffic per epoch"), EpochCountersTable.of(s.getCounters()));
    body.add(
        new H4("Kernel XFRM errors (/proc/net/xfrm_stat, non-zero only)"), createXfrmErrors(s));
    body.add(new H4("Last error"), createLastError(s));
    body.add(new H4("Conditions"), ConditionsList.of(s.getConditions(), now));
  }

  private static Component createHealth(TopologyNode node) {
    NodeHealth health = node.health().health();
    Span badge = new Span(health.label());
    badge.addClassNames("node-health", "node-health--" + health.name().toLowerCase(Locale.ROOT));
    Div box = new Div(badge);
    box.setId("node-details-health");
    box.addClassName("node-details__health");
    if (!node.health().reasons().isEmpty()) {
      UnorderedList reasons = new UnorderedList();
      node.health().reasons().forEach(reason -> reasons.add(new ListItem(reason)));
      box.add(reasons);
    }
    return box;
  }

  private static Component createXfrmErrors(SecureOverlayNodeStatus s) {
    UnorderedList list = new UnorderedList();
    list.setId("node-details-xfrm-errors");
    Map<String, Long> stat = s.getXfrmStat() == null ? Map.of() : s.getXfrmStat();
    stat.entrySet().stream()
        .filter(e -> e.getValue() != null && e.getValue() != 0)
        .forEach(e -> list.add(new ListItem(e.getKey() + ": " + e.getValue())));
    if (list.getChildren().findAny().isEmpty()) {
      return paragraph("none", "node-details-xfrm-errors");
    }
    return list;
  }

  private static Component createLastError(SecureOverlayNodeStatus s) {
    boolean none = s.getLastError() == null || s.getLastError().isBlank();
    Div error = paragraph(none ? "none" : s.getLastError(), "node-details-last-error");
    if (!none) {
      error.addClassName("node-details__error");
    }
    return error;
  }

  private static Div paragraph(String text, String id) {
    Div div = new Div(text);
    div.setId(id);
    return div;
  }

  private static String count(int of, int peers) {
    return of + " of " + peers + (peers == 1 ? " peer" : " peers");
  }

  private static String orUnknown(Object value) {
    return value == null ? "not reported" : String.valueOf(value);
  }

  /** Label / value pairs in a two-column grid. */
  private static final class NodeFacts extends Div {
    private static final long serialVersionUID = 1L;

    NodeFacts() {
      addClassName("node-facts");
    }

    Span add(String label, Object value) {
      Span term = new Span(label);
      term.addClassName("node-facts__label");
      Span shown = new Span(String.valueOf(value));
      shown.addClassName("node-facts__value");
      add(term, shown);
      return shown;
    }
  }
}
