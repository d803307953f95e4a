package io.secureoverlay.agent.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Kernel-style reply datagrams for tests, as a socket with NETLINK_CAP_ACK receives them. */
public final class Replies {

  private Replies() {}

  /** The ack (error 0) of a request with {@code seq} and {@code type}. */
  public static byte[] ack(int seq, int pid, int type) {
    return error(seq, pid, type, 0, null);
  }

  /** An NLMSG_ERROR with {@code -errno}, capped, with an ext-ack message when not null. */
  public static byte[] error(int seq, int pid, int type, int errno, String extAck) {
    byte[] text =
        extAck == null ? new byte[0] : (extAck + "\0").getBytes(StandardCharsets.US_ASCII);
    int tlv = extAck == null ? 0 : NetlinkConstants.align4(4 + text.length);
    int len = 16 + 20 + tlv;
    ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.nativeOrder());
    int flags =
        NetlinkConstants.NLM_F_CAPPED | (extAck == null ? 0 : NetlinkConstants.NLM_F_ACK_TLVS);
    new StructNlMsgHdr(len, NetlinkConstants.NLMSG_ERROR, flags, seq, pid).writeTo(b);
    b.putInt(-errno);
    new StructNlMsgHdr(0, type, NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK, seq, 0)
        .writeTo(b);
    if (extAck != null) {
      b.putShort((short) (4 + text.length)).putShort((short) NetlinkConstants.NLMSGERR_ATTR_MSG);
      b.put(text);
    }
    return b.array();
  }

  public static byte[] done(int seq, int pid, int flags) {
    ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder());
    new StructNlMsgHdr(20, NetlinkConstants.NLMSG_DONE, flags, seq, pid).writeTo(b);
    b.putInt(0);
    return b.array();
  }

  /** A message of {@code type} with {@code payload}, as one dump element. */
  public static byte[] message(int type, int flags, int seq, int pid, byte[] payload) {
    int len = 16 + payload.length;
    ByteBuffer b = ByteBuffer.allocate(NetlinkConstants.align4(len)).order(ByteOrder.nativeOrder());
    new StructNlMsgHdr(len, type, flags, seq, pid).writeTo(b);
    b.put(payload);
    return b.array();
  }

  /** Concatenates messages (each already 4-byte aligned) into one datagram. */
  public static byte[] datagram(List<byte[]> messages) {
    int total = messages.stream().mapToInt(m -> m.length).sum();
    ByteBuffer b = ByteBuffer.allocate(total);
    messages.forEach(b::put);
    return b.array();
  }

  /** A responder that acks every request of a sent datagram, in order. */
  public static List<Object> ackAll(byte[] datagram, int pid) {
    return List.of(
        datagram(
            FakeTransport.messagesOf(datagram).stream()
                .map(
                    m -> {
                      ByteBuffer h = ByteBuffer.wrap(m).order(ByteOrder.nativeOrder());
                      return ack(h.getInt(8), pid, Short.toUnsignedInt(h.getShort(4)));
                    })
                .toList()));
  }
}
