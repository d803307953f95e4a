package io.secureoverlay.agent.dataplane;

import java.net.InetAddress;
import java.util.Objects;

/**
 * The transform a policy requires ({@code struct xfrm_user_tmpl}): protocol, mode and reqid, with
 * the tunnel endpoints. An out policy's template resolves to the SA with the packet's destination,
 * the template's protocol, mode and reqid; an in policy's template accepts a packet only if it was
 * decrypted by an SA with that protocol, mode and reqid. In transport mode the kernel takes the
 * addresses from the packet; they are set anyway, as {@code ip xfrm} shows them.
 */
public record PolicyTemplate(
    InetAddress source,
    InetAddress destination,
    IpsecProtocol protocol,
    IpsecMode mode,
    int reqid) {

  public PolicyTemplate {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(mode, "mode");
  }

  public static PolicyTemplate espTransport(
      InetAddress source, InetAddress destination, int reqid) {
    return new PolicyTemplate(source, destination, IpsecProtocol.ESP, IpsecMode.TRANSPORT, reqid);
  }
}
