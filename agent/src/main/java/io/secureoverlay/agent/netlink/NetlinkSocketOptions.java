package io.secureoverlay.agent.netlink;

import java.time.Duration;

/**
 * How a {@link NetlinkSocket} is set up.
 *
 * @param receiveBufferBytes requested SO_RCVBUF; acks of a batch accumulate here before we read
 *     them, so it bounds the batch size (the kernel doubles the value for its bookkeeping)
 * @param forceReceiveBuffer use SO_RCVBUFFORCE (needs CAP_NET_ADMIN) to pass net.core.rmem_max
 * @param receiveTimeout how long a receive waits for the kernel before EAGAIN
 */
public record NetlinkSocketOptions(
    int receiveBufferBytes, boolean forceReceiveBuffer, Duration receiveTimeout) {

  /** 1 MiB receive buffer (forced), 5 s timeout: room for about a thousand acks per batch. */
  public static final NetlinkSocketOptions DEFAULT =
      new NetlinkSocketOptions(1 << 20, true, Duration.ofSeconds(5));

  public NetlinkSocketOptions {
    if (receiveBufferBytes < 4096) {
      throw new IllegalArgumentException(
          "receiveBufferBytes must be at least 4096, got " + receiveBufferBytes);
    }
    if (receiveTimeout == null || receiveTimeout.isNegative() || receiveTimeout.isZero()) {
      throw new IllegalArgumentException("receiveTimeout must be positive, got " + receiveTimeout);
    }
  }
}
