package io.secureoverlay.agent.netlink;

import static io.secureoverlay.agent.netlink.NetlinkConstants.NLMSG_DONE;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLMSG_ERROR;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLMSG_NOOP;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLMSG_OVERRUN;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLM_F_DUMP_INTR;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one dump to its end. Even when an element cannot be decoded it reads on to NLMSG_DONE, so
 * the kernel's dump state is finished and the socket stays usable; only then does it throw.
 */
final class NetlinkDumpReader<T> {

  private static final int MAX_DRAIN_DATAGRAMS = 100_000;

  private final NetlinkChannel channel;
  private final ReplyDecoder<T> decoder;
  private final int seq;
  private final String what;
  private final List<T> values = new ArrayList<>();
  private NetlinkException failure;
  private boolean interrupted;
  private boolean done;

  private NetlinkDumpReader(NetlinkChannel channel, ReplyDecoder<T> decoder, int seq, String what) {
    this.channel = channel;
    this.decoder = decoder;
    this.seq = seq;
    this.what = what;
  }

  static <T> List<T> read(NetlinkChannel channel, NetlinkRequest request, ReplyDecoder<T> decoder) {
    int seq = channel.nextSeq();
    request.writeTo(channel.sendBuffer(), seq);
    channel.send(request.isSensitive());
    return new NetlinkDumpReader<>(
            channel, decoder, seq, channel.describe(request.type(), seq) + " dump")
        .readAll();
  }

  private List<T> readAll() {
    while (!done) {
      int length = channel.receive(what);
      try {
        List<NetlinkMessage> messages;
        try {
          messages = channel.split(length);
        } catch (NetlinkParseException e) {
          drain();
          throw e;
        }
        messages.forEach(this::accept);
      } finally {
        channel.wipe(length);
      }
    }
    if (failure != null) {
      throw failure;
    }
    if (interrupted) {
      throw new DumpInterruptedException(what);
    }
    return values;
  }

  private void accept(NetlinkMessage m) {
    if (done || !channel.isOurs(m, seq)) {
      return;
    }
    interrupted |= m.header().hasFlag(NLM_F_DUMP_INTR);
    switch (m.type()) {
      case NLMSG_DONE -> {
        done = true;
        ByteBuffer p = m.payload();
        if (p.remaining() >= 4 && p.getInt(0) < 0) {
          fail(ErrnoException.fromReply(-p.getInt(0), what, null));
        }
      }
      case NLMSG_ERROR -> {
        NetlinkErrorReply reply = NetlinkErrorReply.parse(m);
        if (!reply.isAck()) {
          done = true; // a refused dump ends with this error; no NLMSG_DONE follows
          fail(ErrnoException.fromReply(reply.errno(), what, reply.message().orElse(null)));
        }
      }
      case NLMSG_NOOP -> {}
      case NLMSG_OVERRUN ->
          fail(ErrnoException.fromReply(Errno.ENOBUFS.number(), what, "NLMSG_OVERRUN"));
      default -> {
        if (failure == null) {
          try {
            T value = channel.decode(decoder, m);
            if (value != null) {
              values.add(value);
            }
          } catch (NetlinkParseException e) {
            fail(e); // keep reading to NLMSG_DONE so the socket stays usable
          }
        }
      }
    }
  }

  private void fail(NetlinkException e) {
    if (failure == null) {
      failure = e;
    }
  }

  /** After a datagram that did not frame, reads on until this dump's end, or a timeout. */
  private void drain() {
    for (int i = 0; i < MAX_DRAIN_DATAGRAMS; i++) {
      int length;
      try {
        length = channel.receive("drain");
      } catch (NetlinkException e) {
        return;
      }
      try {
        for (NetlinkMessage m : channel.split(length)) {
          if (channel.isOurs(m, seq) && (m.type() == NLMSG_DONE || m.type() == NLMSG_ERROR)) {
            return;
          }
        }
      } catch (NetlinkParseException stillOutOfFrame) {
        // keep draining
      } finally {
        channel.wipe(length);
      }
    }
  }
}
