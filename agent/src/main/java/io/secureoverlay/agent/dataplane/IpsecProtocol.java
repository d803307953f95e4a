package io.secureoverlay.agent.dataplane;

/** The IPsec protocol of an SA or template ({@code xfrm_id.proto}). SecureOverlay uses ESP only. */
public enum IpsecProtocol {
  ESP(50);

  private final int ipProtocolNumber;

  IpsecProtocol(int ipProtocolNumber) {
    this.ipProtocolNumber = ipProtocolNumber;
  }

  /** The IP protocol number, as in {@code IPPROTO_ESP}. */
  public int ipProtocolNumber() {
    return ipProtocolNumber;
  }
}
