package io.secureoverlay.ui.mtu;

import java.util.List;

/** No cluster connected: no agent has reported an underlay MTU. */
public final class NoUnderlayMtuReports implements UnderlayMtuSource {

  @Override
  public List<ReportedUnderlayMtu> reportedUnderlayMtus() {
    return List.of();
  }
}
