package io.secureoverlay.ui.mtu;

import java.util.OptionalInt;

/**
 * The tunnel (IPIP device) MTU the cluster runs with now, as the agents report it, to compare with
 * the calculated limit. Until a cluster is connected, {@link NoConfiguredTunnelMtu} reports nothing
 * and the view says so.
 */
public interface ConfiguredTunnelMtuSource {

  /** The smallest tunnel MTU reported across nodes, or empty when none is reported yet. */
  OptionalInt configuredTunnelMtu();
}
