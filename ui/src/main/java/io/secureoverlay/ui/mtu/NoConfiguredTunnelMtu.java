package io.secureoverlay.ui.mtu;

import java.util.OptionalInt;

/** No cluster connected: no tunnel MTU has been reported. */
public final class NoConfiguredTunnelMtu implements ConfiguredTunnelMtuSource {

  @Override
  public OptionalInt configuredTunnelMtu() {
    return OptionalInt.empty();
  }
}
