package io.secureoverlay.agent.netlink;

import static io.secureoverlay.agent.netlink.NetlinkConstants.NLMSG_DONE;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLMSG_ERROR;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLMSG_NOOP;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLMSG_OVERRUN;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLM_F_DUMP_INTR;
import static io.secureoverlay.agent.netlink.NetlinkConstants.align4;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
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
 * before we read) overflows. The receive side copies each datagram to a heap array for parsing and
 * zeroes both copies once it is processed: SA dumps carry keys. Not thread-safe beyond the
 * method-level lock; one conversation per socket.
 */
public final class NetlinkConversation implements AutoCloseable {

  /** Receive-buffer memory one ack can cost (an skb of ~700 bytes plus ext-ack text). */
  static final int ACK_CHARGE_BYTES = 1024;

  /** Largest datagram accepted; kernel dump datagrams stay below 32 KiB. */
  static final int RECEIVE_BYTES = 64 * 1024;

  /** Largest batch datagram we send. */
  static final int MAX_SEND_BYTES = 128 * 1024;

  private static final Logger log = LoggerFactory.getLogger(NetlinkConversation.class);
  private static final int MAX_DRAIN_DATAGRAMS = 100_000;

  private final NetlinkTransport transport;
  private final NetlinkFamily family;
  private final NetlinkMessageParser parser;
  private final ByteBuffer sendBuffer;
  private final ByteBuffer receiveBuffer;
  private final byte[] receiveCopy = new byte[RECEIVE_BYTES];
  private final byte[] zeros = new byte[MAX_SEND_BYTES];
  private final int maxBatchBytes;
  private final int maxBatchMessages;
  private int nextSeq;

  public NetlinkConversation(NetlinkTransport transport, NetlinkFamily family, int firstSeq) {
    this.transport = transport;
    this.family = family;
    this.parser = new NetlinkMessageParser(family);
    this.sendBuffer = ByteBuffer.allocateDirect(MAX_SEND_BYTES).order(ByteOrder.nativeOrder());
    this.receiveBuffer = ByteBuffer.allocateDirect(RECEIVE_BYTES).order(ByteOrder.nativeOrder());
    this.maxBatchBytes = Math.max(4096, Math.min(MAX_SEND_BYTES, transport.sendBufferSize() / 2));
    this.maxBatchMessages = Math.max(1, transport.receiveBufferSize() / ACK_CHARGE_BYTES);
    this.nextSeq = firstSeq;
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
   * Sends a request that the kernel answers with one message (a GET without NLM_F_DUMP) and decodes
   * that message; an error reply becomes its {@link ErrnoException}.
   */
  public synchronized <T> T query(NetlinkRequest request, ReplyDecoder<T> decoder) {
    int seq = nextSeq++;
    sendSingle(request, seq);
    String what = describe(request.type(), seq);
    for (int i = 0; i < MAX_DRAIN_DATAGRAMS; i++) {
      int length = receiveInto(what);
      try {
        for (NetlinkMessage m : parser.split(receiveCopy, length)) {
          if (!isOurs(m, seq)) {
            continue;
          }
          if (m.type() == NLMSG_ERROR) {
            NetlinkErrorReply reply = NetlinkErrorReply.parse(m);
            if (reply.isAck()) {
              continue;
            }
            throw ErrnoException.fromReply(reply.errno(), what, reply.message().orElse(null));
          }
          if (m.type() != NLMSG_NOOP) {
            return decodeOrReport(decoder, m);
          }
        }
      } finally {
        Arrays.fill(receiveCopy, 0, length, (byte) 0);
      }
    }
    throw new NetlinkParseException(
        what + ": no reply among " + MAX_DRAIN_DATAGRAMS + " datagrams");
  }

  /** Sends a dump request and decodes every message up to NLMSG_DONE. */
  public synchronized <T> List<T> dump(NetlinkRequest request, ReplyDecoder<T> decoder) {
    int seq = nextSeq++;
    sendSingle(request, seq);
    String what = describe(request.type(), seq) + " dump";
    List<T> out = new ArrayList<>();
    NetlinkException failure = null;
    boolean interrupted = false;
    boolean done = false;
    while (!done) {
      int length = receiveInto(what);
      try {
        List<NetlinkMessage> messages;
        try {
          messages = parser.split(receiveCopy, length);
        } catch (NetlinkParseException e) {
          drainDump(seq);
          throw e;
        }
        for (NetlinkMessage m : messages) {
          if (done || !isOurs(m, seq)) {
            continue;
          }
          interrupted |= m.header().hasFlag(NLM_F_DUMP_INTR);
          switch (m.type()) {
            case NLMSG_DONE -> {
              done = true;
              ByteBuffer p = m.payload();
              if (failure == null && p.remaining() >= 4 && p.getInt(0) < 0) {
                failure = ErrnoException.fromReply(-p.getInt(0), what, null);
              }
            }
            case NLMSG_ERROR -> {
              NetlinkErrorReply reply = NetlinkErrorReply.parse(m);
              if (!reply.isAck()) {
                done = true; // a refused dump ends with this error, no NLMSG_DONE follows
                if (failure == null) {
                  failure =
                      ErrnoException.fromReply(reply.errno(), what, reply.message().orElse(null));
                }
              }
            }
            case NLMSG_NOOP -> {}
            case NLMSG_OVERRUN ->
                failure =
                    failure != null
                        ? failure
                        : ErrnoException.fromReply(Errno.ENOBUFS.number(), what, "NLMSG_OVERRUN");
            default -> {
              if (failure == null) {
                try {
                  T value = decodeOrReport(decoder, m);
                  if (value != null) {
                    out.add(value);
                  }
                } catch (NetlinkParseException e) {
                  failure = e; // keep reading to NLMSG_DONE so the socket stays usable
                }
              }
            }
          }
        }
      } finally {
        Arrays.fill(receiveCopy, 0, length, (byte) 0);
      }
    }
    if (failure != null) {
      throw failure;
    }
    if (interrupted) {
      throw new DumpInterruptedException(what);
    }
    return out;
  }

  @Override
  public void close() {
    transport.close();
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
    int[] seqs = new int[end - start];
    boolean sensitive = false;
    sendBuffer.clear();
    try {
      for (int i = start; i < end; i++) {
        NetlinkRequest r = requests.get(i);
        seqs[i - start] = nextSeq++;
        if (align4(r.length()) > sendBuffer.remaining()) {
          out[i] =
              RequestResult.failed(
                  i,
                  ErrnoException.fromSyscall(
                      Errno.EMSGSIZE.number(),
                      describe(r.type(), seqs[i - start]) + " (" + r.length() + " bytes)"));
          continue;
        }
        sensitive |= r.isSensitive();
        r.writeTo(sendBuffer, seqs[i - start]);
        sendBuffer.position(align4(sendBuffer.position()));
        pending.put(seqs[i - start], i);
      }
      if (pending.isEmpty()) {
        return;
      }
      sendBuffer.flip();
      transport.send(sendBuffer);
    } catch (NetlinkException e) {
      failAll(requests, pending, out, e, "not sent");
      return;
    } finally {
      if (sensitive) {
        zero(sendBuffer, MAX_SEND_BYTES);
      }
    }
    collectAcks(requests, pending, out);
  }

  private void collectAcks(
      List<NetlinkRequest> requests, Map<Integer, Integer> pending, RequestResult[] out) {
    while (!pending.isEmpty()) {
      int length;
      try {
        length = receiveInto("acks");
      } catch (NetlinkException e) {
        // Timeout (EAGAIN), dropped replies (ENOBUFS), a cut datagram: the outcome of whatever
        // is still pending is unknown, and each pending request says so.
        log.warn("netlink acks lost pending={} cause={}", pending.size(), e.getMessage());
        failAll(requests, pending, out, e, "no ack, outcome unknown");
        return;
      }
      try {
        for (NetlinkMessage m : parser.split(receiveCopy, length)) {
          Integer index =
              m.type() == NLMSG_ERROR && m.header().pid() == transport.portId()
                  ? pending.remove(m.header().seq())
                  : null;
          if (index == null) {
            log.debug(
                "netlink reply skipped type={} seq={} pid={}",
                m.type(),
                Integer.toUnsignedString(m.header().seq()),
                m.header().pid());
            continue;
          }
          String what = describe(requests.get(index).type(), m.header().seq());
          try {
            NetlinkErrorReply reply = NetlinkErrorReply.parse(m);
            out[index] =
                reply.isAck()
                    ? RequestResult.acked(index)
                    : RequestResult.failed(
                        index,
                        ErrnoException.fromReply(
                            reply.errno(), what, reply.message().orElse(null)));
          } catch (NetlinkParseException e) {
            out[index] =
                RequestResult.failed(
                    index,
                    new NetlinkParseException(
                        what
                            + ": unparseable ack: "
                            + e.getMessage()
                            + "; bytes: "
                            + family.redactedHex(m.data(), m.offset(), m.header().length())));
          }
        }
      } catch (NetlinkParseException e) {
        failAll(requests, pending, out, e, "ack unreadable, outcome unknown");
        pending.clear();
      } finally {
        Arrays.fill(receiveCopy, 0, length, (byte) 0);
      }
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
      String operation = describe(requests.get(i).type(), entry.getKey()) + " (" + what + ")";
      out[i] =
          RequestResult.failed(
              i,
              cause instanceof ErrnoException e
                  ? ErrnoException.fromSyscall(e.number(), operation)
                  : new NetlinkParseException(operation + ": " + cause.getMessage()));
    }
  }

  private void sendSingle(NetlinkRequest request, int seq) {
    sendBuffer.clear();
    try {
      if (request.length() > sendBuffer.capacity()) {
        throw ErrnoException.fromSyscall(Errno.EMSGSIZE.number(), describe(request.type(), seq));
      }
      request.writeTo(sendBuffer, seq);
      sendBuffer.flip();
      transport.send(sendBuffer);
    } finally {
      if (request.isSensitive()) {
        zero(sendBuffer, MAX_SEND_BYTES);
      }
    }
  }

  /** Receives one datagram into the heap copy (zeroing the direct buffer) and returns its size. */
  private int receiveInto(String what) {
    int length = transport.receive(receiveBuffer);
    if (length < 0 || length > receiveCopy.length) {
      throw new NetlinkParseException(what + ": transport returned length " + length);
    }
    receiveBuffer.get(0, receiveCopy, 0, length);
    zero(receiveBuffer, length);
    return length;
  }

  /** After a dump went wrong mid-way, reads on until its NLMSG_DONE or error, or a timeout. */
  private void drainDump(int seq) {
    for (int i = 0; i < MAX_DRAIN_DATAGRAMS; i++) {
      int length;
      try {
        length = receiveInto("drain");
      } catch (NetlinkException e) {
        return;
      }
      try {
        for (NetlinkMessage m : parser.split(receiveCopy, length)) {
          if (isOurs(m, seq) && (m.type() == NLMSG_DONE || m.type() == NLMSG_ERROR)) {
            return;
          }
        }
      } catch (NetlinkParseException ignored) {
        // still out of frame: keep draining
      } finally {
        Arrays.fill(receiveCopy, 0, length, (byte) 0);
      }
    }
  }

  private boolean isOurs(NetlinkMessage m, int seq) {
    boolean ours = m.header().seq() == seq && m.header().pid() == transport.portId();
    if (!ours) {
      log.debug(
          "netlink reply skipped type={} seq={} pid={} expectedSeq={}",
          m.type(),
          Integer.toUnsignedString(m.header().seq()),
          m.header().pid(),
          Integer.toUnsignedString(seq));
    }
    return ours;
  }

  private <T> T decodeOrReport(ReplyDecoder<T> decoder, NetlinkMessage m) {
    try {
      return decoder.decode(m);
    } catch (NetlinkParseException e) {
      throw new NetlinkParseException(
          e.getMessage()
              + "; bytes: "
              + family.redactedHex(m.data(), m.offset(), m.header().length()));
    } catch (RuntimeException e) {
      // A decoder bug on hostile input must not escape as an index or state error.
      throw new NetlinkParseException(
          "cannot decode "
              + family.typeName(m.type())
              + ": "
              + e
              + "; bytes: "
              + family.redactedHex(m.data(), m.offset(), m.header().length()));
    }
  }

  private String describe(int type, int seq) {
    return family.typeName(type) + " seq=" + Integer.toUnsignedString(seq);
  }

  private void zero(ByteBuffer direct, int length) {
    direct.clear();
    direct.put(0, zeros, 0, Math.min(length, direct.capacity()));
  }
}
