package io.secureoverlay.agent.netlink;

import java.nio.ByteBuffer;

/**
 * The datagram side of a netlink socket, as {@link NetlinkConversation} needs it. {@link
 * NetlinkSocket} is the real one; tests replay captured kernel replies through a fake.
 */
public interface NetlinkTransport extends AutoCloseable {

  /** The port id the kernel assigned at bind; replies to our requests carry it. */
  int portId();

  /** Effective SO_SNDBUF in bytes: one send larger than this fails with EMSGSIZE. */
  int sendBufferSize();

  /** Effective SO_RCVBUF in bytes: replies beyond this are dropped (ENOBUFS on the next read). */
  int receiveBufferSize();

  /** Sends the bytes between position and limit of {@code buffer} as one datagram to the kernel. */
  void send(ByteBuffer buffer);

  /**
   * Receives one datagram into {@code buffer} from position 0 and returns its length. A datagram
   * longer than the buffer is an error ({@link NetlinkParseException}), never silently cut. Throws
   * {@link ErrnoException} with EAGAIN when the receive timeout passes, ENOBUFS when the kernel
   * dropped replies.
   */
  int receive(ByteBuffer buffer);

  @Override
  void close();
}
