package io.secureoverlay.agent.dataplane;

/**
 * The XFRM mode of an SA or template. SecureOverlay wraps IPIP packets that already carry the node
 * underlay addresses, so transport mode ({@code XFRM_MODE_TRANSPORT = 0}) is the only one it uses.
 */
public enum IpsecMode {
  TRANSPORT
}
