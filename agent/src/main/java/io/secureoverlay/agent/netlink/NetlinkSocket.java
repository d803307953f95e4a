package io.secureoverlay.agent.netlink;

import static io.secureoverlay.agent.netlink.NativeLibC.LIBC;
import static io.secureoverlay.agent.netlink.NativeLibC.check;
import static io.secureoverlay.agent.netlink.NetlinkConstants.AF_NETLINK;
import static io.secureoverlay.agent.netlink.NetlinkConstants.MSG_TRUNC;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NETLINK_CAP_ACK;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NETLINK_EXT_ACK;
import static io.secureoverlay.agent.netlink.NetlinkConstants.SOCK_CLOEXEC;
import static io.secureoverlay.agent.netlink.NetlinkConstants.SOCK_RAW;
import static io.secureoverlay.agent.netlink.NetlinkConstants.SOL_NETLINK;
import static io.secureoverlay.agent.netlink.NetlinkConstants.SOL_SOCKET;
import static io.secureoverlay.agent.netlink.NetlinkConstants.SO_RCVBUF;
import static io.secureoverlay.agent.netlink.NetlinkConstants.SO_RCVBUFFORCE;
import static io.secureoverlay.agent.netlink.NetlinkConstants.SO_RCVTIMEO;
import static io.secureoverlay.agent.netlink.NetlinkConstants.SO_SNDBUF;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jnr.ffi.byref.IntByReference;

/**
 * A NETLINK_* socket bound to a kernel-assigned port id, in the network namespace of the thread
 * that opened it (see {@link NetworkNamespace#call}). Sends and receives go through direct buffers.
 * Not thread-safe: one {@link NetlinkConversation} owns it.
 *
 * <p>Set up so that replies never echo a request's payload (NETLINK_CAP_ACK: an XFRM_MSG_NEWSA
 * payload holds the key) and so that errors carry the kernel's text (NETLINK_EXT_ACK).
 */
public final class NetlinkSocket implements NetlinkTransport {

  private final int fd;
  private final int protocol;
  private final int portId;
  private final int sendBufferSize;
  private final int receiveBufferSize;
  private final ByteBuffer kernelAddress;
  private boolean closed;

  private NetlinkSocket(int fd, int protocol, int portId, int sendBuffer, int receiveBuffer) {
    this.fd = fd;
    this.protocol = protocol;
    this.portId = portId;
    this.sendBufferSize = sendBuffer;
    this.receiveBufferSize = receiveBuffer;
    this.kernelAddress = ByteBuffer.allocateDirect(StructSockaddrNl.SIZE).order(nativeOrder());
    new StructSockaddrNl(0, 0).writeTo(kernelAddress);
    kernelAddress.flip();
  }

  /** Opens a socket for netlink {@code protocol} (e.g. NETLINK_XFRM) with default options. */
  public static NetlinkSocket open(int protocol) {
    return open(protocol, NetlinkSocketOptions.DEFAULT);
  }

  public static NetlinkSocket open(int protocol, NetlinkSocketOptions options) {
    int fd = check(LIBC.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol), "socket");
    try {
      setInt(fd, SOL_NETLINK, NETLINK_CAP_ACK, 1, "setsockopt(NETLINK_CAP_ACK)");
      setInt(fd, SOL_NETLINK, NETLINK_EXT_ACK, 1, "setsockopt(NETLINK_EXT_ACK)");
      int rcvOption = options.forceReceiveBuffer() ? SO_RCVBUFFORCE : SO_RCVBUF;
      setInt(fd, SOL_SOCKET, rcvOption, options.receiveBufferBytes(), "setsockopt(SO_RCVBUF)");
      setReceiveTimeout(fd, options);
      ByteBuffer address = ByteBuffer.allocateDirect(StructSockaddrNl.SIZE).order(nativeOrder());
      new StructSockaddrNl(0, 0).writeTo(address);
      check(LIBC.bind(fd, address.flip(), StructSockaddrNl.SIZE), "bind");
      address.clear();
      IntByReference length = new IntByReference(StructSockaddrNl.SIZE);
      check(LIBC.getsockname(fd, address, length), "getsockname");
      int portId = StructSockaddrNl.readFrom(address).pid();
      int sendBuffer = getInt(fd, SOL_SOCKET, SO_SNDBUF, "getsockopt(SO_SNDBUF)");
      int receiveBuffer = getInt(fd, SOL_SOCKET, SO_RCVBUF, "getsockopt(SO_RCVBUF)");
      return new NetlinkSocket(fd, protocol, portId, sendBuffer, receiveBuffer);
    } catch (RuntimeException e) {
      LIBC.close(fd);
      throw e;
    }
  }

  public int protocol() {
    return protocol;
  }

  @Override
  public int portId() {
    return portId;
  }

  @Override
  public int sendBufferSize() {
    return sendBufferSize;
  }

  @Override
  public int receiveBufferSize() {
    return receiveBufferSize;
  }

  @Override
  public void send(ByteBuffer buffer) {
    requireOpenDirect(buffer);
    int length = buffer.remaining();
    long sent =
        check(
            LIBC.sendto(
                fd, buffer.slice(), length, 0, kernelAddress.duplicate(), StructSockaddrNl.SIZE),
            "sendto");
    if (sent != length) {
      throw new NetlinkParseException("sendto sent " + sent + " of " + length + " bytes");
    }
    buffer.position(buffer.limit());
  }

  @Override
  public int receive(ByteBuffer buffer) {
    requireOpenDirect(buffer);
    buffer.clear();
    // MSG_TRUNC makes recvfrom return the datagram's real length, so a cut one is detected.
    long length =
        check(LIBC.recvfrom(fd, buffer, buffer.capacity(), MSG_TRUNC, null, null), "recvfrom");
    if (length > buffer.capacity()) {
      throw new NetlinkParseException(
          "datagram of " + length + " bytes did not fit the " + buffer.capacity() + "-byte buffer");
    }
    buffer.limit((int) length);
    return (int) length;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      LIBC.close(fd);
    }
  }

  private void requireOpenDirect(ByteBuffer buffer) {
    if (closed) {
      throw new IllegalStateException("netlink socket is closed");
    }
    if (!buffer.isDirect()) {
      throw new IllegalArgumentException("netlink buffers must be direct");
    }
  }

  private static void setReceiveTimeout(int fd, NetlinkSocketOptions options) {
    // struct timeval { time_t tv_sec; suseconds_t tv_usec; }: two longs on 64-bit Linux.
    ByteBuffer timeval = ByteBuffer.allocateDirect(16).order(nativeOrder());
    long micros = options.receiveTimeout().toNanos() / 1000;
    timeval.putLong(micros / 1_000_000).putLong(micros % 1_000_000).flip();
    check(LIBC.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, timeval, 16), "setsockopt(SO_RCVTIMEO)");
  }

  private static void setInt(int fd, int level, int option, int value, String operation) {
    ByteBuffer buf = ByteBuffer.allocateDirect(4).order(nativeOrder());
    buf.putInt(value).flip();
    check(LIBC.setsockopt(fd, level, option, buf, 4), operation);
  }

  private static int getInt(int fd, int level, int option, String operation) {
    ByteBuffer buf = ByteBuffer.allocateDirect(4).order(nativeOrder());
    IntByReference length = new IntByReference(4);
    check(LIBC.getsockopt(fd, level, option, buf, length), operation);
    return buf.getInt(0);
  }

  private static ByteOrder nativeOrder() {
    return ByteOrder.nativeOrder();
  }
}
