package io.secureoverlay.ui.mtu;

/**
 * The MTU of one node's underlay interface, as that node's agent reports it.
 *
 * @param node the node name
 * @param mtu the interface MTU in bytes
 */
public record ReportedUnderlayMtu(String node, int mtu) {}
