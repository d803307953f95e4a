package io.secureoverlay.agent.xfrm.wire;

import io.secureoverlay.agent.xfrm.AddressFamily;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * The big-endian fields inside otherwise native-order XFRM structs: SPIs, ports and addresses
 * ({@code __be32}, {@code __be16}, {@code xfrm_address_t}). Written byte by byte so the buffer's
 * own order never matters.
 */
public final class NetworkOrder {

  /** sizeof(xfrm_address_t): a union of one IPv4 or IPv6 address, IPv4 in the first 4 bytes. */
  public static final int XFRM_ADDRESS_SIZE = 16;

  private NetworkOrder() {}

  public static void putBe32(ByteBuffer buf, int value) {
    buf.put((byte) (value >>> 24))
        .put((byte) (value >>> 16))
        .put((byte) (value >>> 8))
        .put((byte) value);
  }

  public static int getBe32(ByteBuffer buf) {
    return (buf.get() & 0xff) << 24
        | (buf.get() & 0xff) << 16
        | (buf.get() & 0xff) << 8
        | (buf.get() & 0xff);
  }

  public static void putBe16(ByteBuffer buf, int value) {
    buf.put((byte) (value >>> 8)).put((byte) value);
  }

  public static int getBe16(ByteBuffer buf) {
    return (buf.get() & 0xff) << 8 | (buf.get() & 0xff);
  }

  /** Writes an {@code xfrm_address_t}: the address bytes, zero-filled to 16. */
  public static void putAddress(ByteBuffer buf, InetAddress address) {
    byte[] bytes = address.getAddress();
    buf.put(bytes);
    for (int i = bytes.length; i < XFRM_ADDRESS_SIZE; i++) {
      buf.put((byte) 0);
    }
  }

  /** Reads an {@code xfrm_address_t} holding an address of {@code family}. */
  public static InetAddress getAddress(ByteBuffer buf, AddressFamily family) {
    byte[] all = new byte[XFRM_ADDRESS_SIZE];
    buf.get(all);
    byte[] bytes = new byte[family.addressBytes()];
    System.arraycopy(all, 0, bytes, 0, bytes.length);
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 or 16 bytes are always an address", e);
    }
  }

  /** Writes {@code count} zero bytes: the explicit padding of a C struct. */
  public static void pad(ByteBuffer buf, int count) {
    for (int i = 0; i < count; i++) {
      buf.put((byte) 0);
    }
  }
}
