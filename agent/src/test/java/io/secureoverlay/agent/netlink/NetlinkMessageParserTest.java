package io.secureoverlay.agent.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetlinkMessageParserTest {

  private final NetlinkMessageParser parser = new NetlinkMessageParser(TestFamily.INSTANCE);

  @Test
  void splitsADatagramIntoAlignedMessages() {
    byte[] d =
        Replies.datagram(
            List.of(
                Replies.message(0x10, 2, 1, 9, new byte[] {1, 2, 3}), // 19 bytes, padded to 20
                Replies.done(1, 9, 2)));
    List<NetlinkMessage> messages = parser.split(d, d.length);
    assertThat(messages).extracting(NetlinkMessage::type).containsExactly(0x10, 3);
    assertThat(messages.get(0).payloadLength()).isEqualTo(3);
    assertThat(messages.get(0).payload().get(2)).isEqualTo((byte) 3);
  }

  @Test
  void aLengthBelowTheHeaderIsRejected() {
    byte[] d = Replies.done(1, 9, 0);
    ByteBuffer.wrap(d).order(ByteOrder.nativeOrder()).putInt(0, 8);
    assertThatThrownBy(() -> parser.split(d, d.length))
        .isInstanceOf(NetlinkParseException.class)
        .hasMessageContaining("nlmsg_len 8 at offset 0");
  }

  @Test
  void aLengthBeyondTheDatagramIsRejected() {
    byte[] d = Replies.done(1, 9, 0);
    assertThatThrownBy(() -> parser.split(d, 18))
        .isInstanceOf(NetlinkParseException.class)
        .hasMessageContaining("nlmsg_len 20 at offset 0 does not fit the 18 remaining bytes");
  }

  @Test
  void trailingBytesShorterThanAHeaderAreRejected() {
    byte[] d = Arrays.copyOf(Replies.done(1, 9, 0), 30);
    assertThatThrownBy(() -> parser.split(d, 30))
        .isInstanceOf(NetlinkParseException.class)
        .hasMessageContaining("10 trailing bytes at offset 20");
  }

  @Test
  void aHugeUnsignedLengthIsRejectedNotWrapped() {
    byte[] d = Replies.done(1, 9, 0);
    ByteBuffer.wrap(d).order(ByteOrder.nativeOrder()).putInt(0, 0xfffffff0);
    assertThatThrownBy(() -> parser.split(d, d.length))
        .isInstanceOf(NetlinkParseException.class)
        .hasMessageContaining("nlmsg_len 4294967280");
  }

  @Test
  void anEmptyDatagramHasNoMessages() {
    assertThat(parser.split(new byte[0], 0)).isEmpty();
  }
}
