package io.secureoverlay.agent.netlink;

import static io.secureoverlay.agent.netlink.NetlinkConstants.NLMSG_ERROR;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLMSG_NOOP;
import static io.secureoverlay.agent.netlink.NetlinkConstants.align4;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where requests go out and replies become results. Every reply is checked for our
 * port id and a sequence number we are waiting for (anything else is stale and skipped); errno 0 is
 * the ack, other errnos become an {@link ErrnoException} against their own request; a dump is read
 * to NLMSG_DONE, and one flagged NLM_F_DUMP_INTR is a {@link DumpInterruptedException}.
 *
 * <p>Batches go out as several messages in one datagram, split so that neither the send buffer nor,
 * more tightly, the receive buffer the acks pile up in (the kernel answers the whole datagram
 * before we read) overflows. One conversation per socket; its methods are serialised.
 */
public final class NetlinkConversation implements AutoCloseable {

  /** Receive-buffer memory one ack can cost (an skb of ~700 bytes plus ext-ack text). */
  static final int ACK_CHARGE_BYTES = 1024;

  private static final Logger log = LoggerFactory.getLogger(NetlinkConversation.class);
  private static final int MAX_QUERY_DATAGRAMS = 100_000;

  private final NetlinkChannel channel;
  private final int maxBatchBytes;
  private final int maxBatchMessages;

  public NetlinkConversation(NetlinkTransport transport, NetlinkFamily family, int firstSeq) {
    this.channel = new NetlinkChannel(transport, family, firstSeq);
    this.maxBatchBytes =
        Math.max(4096, Math.min(NetlinkChannel.MAX_SEND_BYTES, transport.sendBufferSize() / 2));
    this.maxBatchMessages = Math.max(1, transport.receiveBufferSize() / ACK_CHARGE_BYTES);
  }

  /** How many requests at most go into one datagram with this transport's buffers. */
  public int maxBatchMessages() {
    return maxBatchMessages;
  }

  /**
   * Sends every request with its own sequence number (each must carry NLM_F_ACK) and returns one
   * result per request, in order. Failures never abort the rest of the batch.
   */
  public synchronized List<RequestResult> execute(List<NetlinkRequest> requests) {
    RequestResult[] results = new RequestResult[requests.size()];
    int start = 0;
    while (start < requests.size()) {
      int end = chunkEnd(requests, start);
      runChunk(requests, start, end, results);
      start = end;
    }
    return List.of(results);
  }

  /** Sends one request and throws its failure, if any. */
  public void executeOne(NetlinkRequest request) {
    execute(List.of(request))
        .get(0)
        .failure()
        .ifPresent(
            e -> {
              throw e;
            });
  }

  /**
   * Sends a request the kernel answers with one message (a GET without NLM_F_DUMP) and decodes that
   * message; an error reply becomes its {@link ErrnoException}.
   */
  public synchronized <T> T query(NetlinkRequest request, ReplyDecoder<T> decoder) {
    int seq = channel.nextSeq();
    request.writeTo(channel.sendBuffer(), seq);
    channel.send(request.isSensitive());
    String what = channel.describe(request.type(), seq);
    for (int i = 0; i < MAX_QUERY_DATAGRAMS; i++) {
      int length = channel.receive(what);
      try {
        for (NetlinkMessage m : channel.split(length)) {
          if (!channel.isOurs(m, seq) || m.type() == NLMSG_NOOP) {
            continue;
          }
          if (m.type() != NLMSG_ERROR) {
            return channel.decode(decoder, m);
          }
          NetlinkErrorReply reply = NetlinkErrorReply.parse(m);
          if (!reply.isAck()) {
            throw ErrnoException.fromReply(reply.errno(), what, reply.message().orElse(null));
          }
        }
      } finally {
        channel.wipe(length);
      }
    }
    throw new NetlinkParseException(
        what + ": no reply among " + MAX_QUERY_DATAGRAMS + " datagrams");
  }

  /** Sends a dump request and decodes every message up to NLMSG_DONE. */
  public synchronized <T> List<T> dump(NetlinkRequest request, ReplyDecoder<T> decoder) {
    return NetlinkDumpReader.read(channel, request, decoder);
  }

  @Override
  public void close() {
    channel.transport().close();
  }

  private int chunkEnd(List<NetlinkRequest> requests, int start) {
    int bytes = 0;
    int end = start;
    while (end < requests.size() && end - start < maxBatchMessages) {
      int next = align4(requests.get(end).length());
      if (end > start && bytes + next > maxBatchBytes) {
        break;
      }
      bytes += next;
      end++;
    }
    return end;
  }

  private void runChunk(List<NetlinkRequest> requests, int start, int end, RequestResult[] out) {
    Map<Integer, Integer> pending = new HashMap<>();
    boolean sensitive = false;
    ByteBuffer buf = channel.sendBuffer();
    for (int i = start; i < end; i++) {
      NetlinkRequest r = requests.get(i);
      int seq = channel.nextSeq();
      if (align4(r.length()) > buf.remaining()) {
        out[i] =
            RequestResult.failed(
                i,
                ErrnoException.fromSyscall(
                    Errno.EMSGSIZE.number(),
                    channel.describe(r.type(), seq) + " (" + r.length() + " bytes)"));
        continue;
      }
      sensitive |= r.isSensitive();
      r.writeTo(buf, seq);
      buf.position(align4(buf.position()));
      pending.put(seq, i);
    }
    if (pending.isEmpty()) {
      if (sensitive) {
        channel.wipeSendBuffer();
      }
      return;
    }
    try {
      channel.send(sensitive);
    } catch (NetlinkException e) {
      failAll(requests, pending, out, e, "not sent");
      return;
    }
    collectAcks(requests, pending, out);
  }

  private void collectAcks(
      List<NetlinkRequest> requests, Map<Integer, Integer> pending, RequestResult[] out) {
    int pid = channel.transport().portId();
    while (!pending.isEmpty()) {
      int length;
      try {
        length = channel.receive("acks");
      } catch (NetlinkException e) {
        // Timeout (EAGAIN), dropped replies (ENOBUFS), a cut datagram: the outcome of whatever
        // is still pending is unknown, and each pending request says so.
        log.warn("netlink acks lost pending={} cause={}", pending.size(), e.getMessage());
        failAll(requests, pending, out, e, "no ack, outcome unknown");
        return;
      }
      try {
        for (NetlinkMessage m : channel.split(length)) {
          Integer index =
              m.type() == NLMSG_ERROR && m.header().pid() == pid
                  ? pending.remove(m.header().seq())
                  : null;
          if (index == null) {
            channel.skipped(m);
            continue;
          }
          out[index] = resultOf(index, requests.get(index), m);
        }
      } catch (NetlinkParseException e) {
        failAll(requests, pending, out, e, "ack unreadable, outcome unknown");
        pending.clear();
      } finally {
        channel.wipe(length);
      }
    }
  }

  private RequestResult resultOf(int index, NetlinkRequest request, NetlinkMessage m) {
    String what = channel.describe(request.type(), m.header().seq());
    try {
      NetlinkErrorReply reply = NetlinkErrorReply.parse(m);
      return reply.isAck()
          ? RequestResult.acked(index)
          : RequestResult.failed(
              index, ErrnoException.fromReply(reply.errno(), what, reply.message().orElse(null)));
    } catch (NetlinkParseException e) {
      return RequestResult.failed(
          index,
          new NetlinkParseException(
              what
                  + ": unparseable ack: "
                  + e.getMessage()
                  + "; bytes: "
                  + channel.family().redacted(m)));
    }
  }

  private void failAll(
      List<NetlinkRequest> requests,
      Map<Integer, Integer> pending,
      RequestResult[] out,
      NetlinkException cause,
      String what) {
    for (var entry : pending.entrySet()) {
      int i = entry.getValue();
      String operation =
          channel.describe(requests.get(i).type(), entry.getKey()) + " (" + what + ")";
      out[i] =
          RequestResult.failed(
              i,
              cause instanceof ErrnoException e
                  ? ErrnoException.fromSyscall(e.number(), operation)
                  : new NetlinkParseException(operation + ": " + cause.getMessage()));
    }
  }
}
