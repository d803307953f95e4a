package io.secureoverlay.agent.netlink;

/**
 * Turns one reply message of a dump or query into a value. It copies out what it keeps (the bytes
 * are zeroed afterwards), throws {@link NetlinkParseException} for a payload it cannot read, and
 * returns null for a message it chooses to skip.
 */
@FunctionalInterface
public interface ReplyDecoder<T> {
  T decode(NetlinkMessage message);
}
