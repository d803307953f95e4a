package io.secureoverlay.agent.netlink;

import static io.secureoverlay.agent.netlink.NetlinkConstants.NLMSGERR_ATTR_MSG;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLM_F_ACK_TLVS;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLM_F_CAPPED;
import static io.secureoverlay.agent.netlink.NetlinkConstants.align4;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A decoded NLMSG_ERROR: {@code error == 0} is the ack of a request, a negative value its errno.
 * The kernel's extended-ack text (NLMSGERR_ATTR_MSG) is kept when present, reduced to printable
 * ASCII and 256 characters.
 */
public record NetlinkErrorReply(int error, StructNlMsgHdr request, Optional<String> message) {

  private static final int MAX_MESSAGE = 256;

  public boolean isAck() {
    return error == 0;
  }

  /** The positive errno of a failure. */
  public int errno() {
    return -error;
  }

  public static NetlinkErrorReply parse(NetlinkMessage message) {
    ByteBuffer payload = message.payload();
    if (payload.remaining() < StructNlMsgErr.SIZE) {
      throw new NetlinkParseException(
          "NLMSG_ERROR payload of " + payload.remaining() + " bytes is shorter than nlmsgerr");
    }
    StructNlMsgErr err = StructNlMsgErr.readFrom(payload);
    int tlvStart = StructNlMsgErr.SIZE;
    if (!message.header().hasFlag(NLM_F_CAPPED)) {
      // Without NETLINK_CAP_ACK the whole request follows; we never read it, only skip it.
      int echoed = align4(Math.max(err.request().length(), StructNlMsgHdr.SIZE));
      tlvStart = 4 + echoed;
    }
    Optional<String> text = Optional.empty();
    if (message.header().hasFlag(NLM_F_ACK_TLVS) && tlvStart < payload.limit()) {
      NetlinkAttributes tlvs = NetlinkAttributes.parse(payload, tlvStart);
      text = tlvs.first(NLMSGERR_ATTR_MSG).map(a -> printable(tlvs.value(a)));
    }
    return new NetlinkErrorReply(err.error(), err.request(), text);
  }

  private static String printable(ByteBuffer value) {
    byte[] bytes = new byte[Math.min(value.remaining(), MAX_MESSAGE)];
    value.get(bytes);
    String raw = new String(bytes, StandardCharsets.US_ASCII);
    int nul = raw.indexOf('\0');
    if (nul >= 0) {
      raw = raw.substring(0, nul);
    }
    return raw.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
