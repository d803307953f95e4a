package io.secureoverlay.agent.xfrm.wire;

import io.secureoverlay.agent.netlink.NetlinkParseException;
import io.secureoverlay.agent.xfrm.AddressFamily;
import java.nio.ByteBuffer;

/** Checks shared by the struct readers: enough bytes, known enum values. */
final class Structs {

  private Structs() {}

  static void require(ByteBuffer buf, int size, String struct) {
    if (buf.remaining() < size) {
      throw new NetlinkParseException(
          struct + " needs " + size + " bytes, only " + buf.remaining() + " remain");
    }
  }

  static AddressFamily family(int number, AddressFamily fallback, String field) {
    if (number == 0 && fallback != null) {
      return fallback; // AF_UNSPEC: the enclosing struct's family applies
    }
    try {
      return AddressFamily.fromNumber(number);
    } catch (IllegalArgumentException e) {
      throw new NetlinkParseException(field + ": " + e.getMessage());
    }
  }
}
