package io.secureoverlay.ui.mtu;

import java.util.List;

/**
 * Where the calculator's external MTUs come from when agents report them: the underlay interface
 * MTU of every node. The MTU view fills its input from these (the smallest governs). Until a
 * cluster is connected, {@link NoUnderlayMtuReports} reports none and the operator types them.
 */
public interface UnderlayMtuSource {

  /** The current reports, one per node that has reported; empty when none has. */
  List<ReportedUnderlayMtu> reportedUnderlayMtus();
}
