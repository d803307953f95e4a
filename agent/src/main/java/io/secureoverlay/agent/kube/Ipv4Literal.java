package io.secureoverlay.agent.kube;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strict dotted-quad parsing for addresses read from the API server. {@link InetAddress#getByName}
 * would resolve anything that is not a literal through DNS; a plan row or a Node annotation must
 * never make the agent look a name up.
 */
final class Ipv4Literal {

  private static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  private Ipv4Literal() {}

  /** The address, or empty unless {@code text} is exactly a dotted quad. */
  static Optional<Inet4Address> parse(String text) {
    if (text == null || !DOTTED_QUAD.matcher(text).matches()) {
      return Optional.empty();
    }
    String[] parts = text.split("\\.");
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      bytes[i] = (byte) Integer.parseInt(parts[i]);
    }
    try {
      return Optional.of((Inet4Address) InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always a valid IPv4 address", e);
    }
  }

  /** {@code 10.0.0.1/24} or {@code 10.0.0.1}: the address before an optional prefix length. */
  static Optional<Inet4Address> parseWithOptionalPrefix(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int slash = text.indexOf('/');
    return parse(slash < 0 ? text : text.substring(0, slash));
  }
}
