package io.secureoverlay.agent.netlink;

/**
 * A reply that does not parse: truncated, a length field pointing past the end, a struct too short
 * for its type. The message names what was wrong and shows the bytes as the protocol family's
 * redactor renders them, so key material never appears in it.
 */
public final class NetlinkParseException extends NetlinkException {

  private static final long serialVersionUID = 1L;

  public NetlinkParseException(String message) {
    super(message);
  }
}
