package io.secureoverlay.ui.nodes.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import io.secureoverlay.protocol.EpochCounters;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/** A node's traffic and SA error counters, one row per epoch, as a plain HTML table. */
final class EpochCountersTable {

  private static final String[] HEADINGS = {
    "Epoch", "Packets in", "Bytes in", "Packets out", "Bytes out", "ICV failures", "Replay errors"
  };

  private EpochCountersTable() {}

  static Div of(List<EpochCounters> counters) {
    Div holder = new Div();
    holder.setId("node-details-counters");
    if (counters == null || counters.isEmpty()) {
      holder.setText("No SA counters: the node has no SAs installed.");
      return holder;
    }
    NumberFormat format = NumberFormat.getIntegerInstance(Locale.ENGLISH);
    Element table = new Element("table");
    table.getClassList().add("node-counters");
    Element head = new Element("tr");
    for (String heading : HEADINGS) {
      head.appendChild(new Element("th").setText(heading));
    }
    table.appendChild(head);
    for (EpochCounters c : counters) {
      Element row = new Element("tr");
      long[] values = {
        c.epoch(),
        c.packetsIn(),
        c.bytesIn(),
        c.packetsOut(),
        c.bytesOut(),
        c.integrityFailures(),
        c.replayErrors()
      };
      for (int i = 0; i < values.length; i++) {
        Element cell =
            new Element("td").setText(i == 0 ? "" + values[i] : format.format(values[i]));
        if (i >= 5 && values[i] > 0) {
          cell.getClassList().add("node-counters__error");
        }
        row.appendChild(cell);
      }
      table.appendChild(row);
    }
    holder.getElement().appendChild(table);
    return holder;
  }
}
