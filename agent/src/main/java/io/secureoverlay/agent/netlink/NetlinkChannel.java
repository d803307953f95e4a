package io.secureoverlay.agent.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plumbing under {@link NetlinkConversation}: the transport, its direct send and receive
 * buffers, the heap copy replies are parsed from, and the sequence counter. It zeroes the send
 * buffer after a sensitive request and both receive copies after every datagram, because SA dumps
 * carry keys.
 */
final class NetlinkChannel {

  /** Largest datagram accepted; kernel dump datagrams stay below 32 KiB. */
  static final int RECEIVE_BYTES = 64 * 1024;

  /** Largest datagram we send. */
  static final int MAX_SEND_BYTES = 128 * 1024;

  private static final Logger log = LoggerFactory.getLogger(NetlinkChannel.class);

  private final NetlinkTransport transport;
  private final NetlinkFamily family;
  private final NetlinkMessageParser parser;
  private final ByteBuffer sendBuffer =
      ByteBuffer.allocateDirect(MAX_SEND_BYTES).order(ByteOrder.nativeOrder());
  private final ByteBuffer receiveBuffer =
      ByteBuffer.allocateDirect(RECEIVE_BYTES).order(ByteOrder.nativeOrder());
  private final byte[] receiveCopy = new byte[RECEIVE_BYTES];
  private final byte[] zeros = new byte[MAX_SEND_BYTES];
  private int nextSeq;

  NetlinkChannel(NetlinkTransport transport, NetlinkFamily family, int firstSeq) {
    this.transport = transport;
    this.family = family;
    this.parser = new NetlinkMessageParser(family);
    this.nextSeq = firstSeq;
  }

  NetlinkTransport transport() {
    return transport;
  }

  NetlinkFamily family() {
    return family;
  }

  int nextSeq() {
    return nextSeq++;
  }

  /** The send buffer, cleared, for the caller to fill before {@link #send(boolean)}. */
  ByteBuffer sendBuffer() {
    return sendBuffer.clear();
  }

  /** Sends what was put into the send buffer; zeroes it afterwards when {@code sensitive}. */
  void send(boolean sensitive) {
    try {
      sendBuffer.flip();
      transport.send(sendBuffer);
    } finally {
      if (sensitive) {
        zero(sendBuffer, MAX_SEND_BYTES);
      }
    }
  }

  /** Zeroes the send buffer (after a sensitive request that was never sent). */
  void wipeSendBuffer() {
    zero(sendBuffer, MAX_SEND_BYTES);
  }

  /**
   * Receives one datagram into the heap copy, zeroes the direct buffer and returns the length. The
   * caller parses with {@link #split} and calls {@link #wipe} when done.
   */
  int receive(String what) {
    int length = transport.receive(receiveBuffer);
    if (length < 0 || length > receiveCopy.length) {
      throw new NetlinkParseException(what + ": transport returned length " + length);
    }
    receiveBuffer.get(0, receiveCopy, 0, length);
    zero(receiveBuffer, length);
    return length;
  }

  List<NetlinkMessage> split(int length) {
    return parser.split(receiveCopy, length);
  }

  void wipe(int length) {
    Arrays.fill(receiveCopy, 0, length, (byte) 0);
  }

  /** A reply to us ({@code seq}, our port id); anything else is stale or foreign: skipped. */
  boolean isOurs(NetlinkMessage m, int seq) {
    boolean ours = m.header().seq() == seq && m.header().pid() == transport.portId();
    if (!ours) {
      skipped(m);
    }
    return ours;
  }

  void skipped(NetlinkMessage m) {
    log.debug(
        "netlink reply skipped type={} seq={} pid={} ourPid={}",
        m.type(),
        Integer.toUnsignedString(m.header().seq()),
        m.header().pid(),
        transport.portId());
  }

  /** Runs the decoder; whatever it throws becomes a parse error showing the redacted message. */
  <T> T decode(ReplyDecoder<T> decoder, NetlinkMessage m) {
    try {
      return decoder.decode(m);
    } catch (NetlinkParseException e) {
      throw new NetlinkParseException(e.getMessage() + "; bytes: " + family.redacted(m));
    } catch (RuntimeException e) {
      // A decoder bug on hostile input must not escape as an index or state error.
      throw new NetlinkParseException(
          "cannot decode "
              + family.typeName(m.type())
              + ": "
              + e
              + "; bytes: "
              + family.redacted(m));
    }
  }

  String describe(int type, int seq) {
    return family.typeName(type) + " seq=" + Integer.toUnsignedString(seq);
  }

  private void zero(ByteBuffer direct, int length) {
    direct.clear();
    direct.put(0, zeros, 0, Math.min(length, direct.capacity()));
  }
}
