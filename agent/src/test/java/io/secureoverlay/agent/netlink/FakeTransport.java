package io.secureoverlay.agent.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link NetlinkTransport} that plays the kernel from a script: each datagram sent is recorded
 * and handed to a responder, whose replies (datagrams, or exceptions to throw) are queued for the
 * following receives. An empty queue answers EAGAIN, as a real socket's receive timeout would.
 */
public final class FakeTransport implements NetlinkTransport {

  private final int portId;
  private final int sendBufferSize;
  private final int receiveBufferSize;
  private final Function<byte[], List<Object>> responder;
  private final Deque<Object> queue = new ArrayDeque<>();
  private final List<byte[]> sent = new ArrayList<>();
  private ByteBuffer lastSendBuffer;
  private RuntimeException sendFailure;
  private boolean closed;

  public FakeTransport(
      int portId,
      int sendBufferSize,
      int receiveBufferSize,
      Function<byte[], List<Object>> responder) {
    this.portId = portId;
    this.sendBufferSize = sendBufferSize;
    this.receiveBufferSize = receiveBufferSize;
    this.responder = responder;
  }

  /** Answers nothing by itself; replies come from {@link #enqueue}. */
  public static FakeTransport scripted(int portId) {
    return new FakeTransport(portId, 212992, 425984, d -> List.of());
  }

  /** Queues a reply datagram (byte[]) or an exception (RuntimeException) for a later receive. */
  public FakeTransport enqueue(Object datagramOrException) {
    queue.add(datagramOrException);
    return this;
  }

  /** Makes every later send throw {@code failure}, as a failing sendto would. */
  public FakeTransport failSendsWith(RuntimeException failure) {
    this.sendFailure = failure;
    return this;
  }

  public List<byte[]> sent() {
    return sent;
  }

  /** The buffer of the last send, to check it was zeroed after a sensitive request. */
  public ByteBuffer lastSendBuffer() {
    return lastSendBuffer;
  }

  public boolean isClosed() {
    return closed;
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
    if (sendFailure != null) {
      throw sendFailure;
    }
    byte[] datagram = new byte[buffer.remaining()];
    buffer.duplicate().get(datagram);
    buffer.position(buffer.limit());
    lastSendBuffer = buffer;
    sent.add(datagram);
    queue.addAll(responder.apply(datagram));
  }

  @Override
  public int receive(ByteBuffer buffer) {
    Object next = queue.poll();
    if (next == null) {
      throw ErrnoException.fromSyscall(Errno.EAGAIN.number(), "recvfrom");
    }
    if (next instanceof RuntimeException e) {
      throw e;
    }
    byte[] datagram = (byte[]) next;
    if (datagram.length > buffer.capacity()) {
      throw new NetlinkParseException("datagram too long for the buffer");
    }
    buffer.clear();
    buffer.put(datagram);
    buffer.flip();
    return datagram.length;
  }

  @Override
  public void close() {
    closed = true;
  }

  /** The messages of a sent datagram, as (header, whole message bytes). */
  public static List<byte[]> messagesOf(byte[] datagram) {
    List<byte[]> out = new ArrayList<>();
    ByteBuffer buf = ByteBuffer.wrap(datagram).order(ByteOrder.nativeOrder());
    int pos = 0;
    while (pos < datagram.length) {
      int len = buf.getInt(pos);
      byte[] m = new byte[len];
      System.arraycopy(datagram, pos, m, 0, len);
      out.add(m);
      pos += NetlinkConstants.align4(len);
    }
    return out;
  }
}
