package io.secureoverlay.agent.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NetlinkErrorReplyTest {

  @Test
  void anErrorOfZeroIsTheAck() {
    NetlinkErrorReply r = NetlinkErrorReply.parse(NetlinkMessage.of(Replies.ack(7, 1, 0x10)));
    assertThat(r.isAck()).isTrue();
    assertThat(r.request().seq()).isEqualTo(7);
    assertThat(r.message()).isEmpty();
  }

  @Test
  void aNegativeErrorCarriesItsErrnoAndTheExtAckText() {
    NetlinkErrorReply r =
        NetlinkErrorReply.parse(
            NetlinkMessage.of(Replies.error(7, 1, 0x10, 22, "Invalid replay window")));
    assertThat(r.isAck()).isFalse();
    assertThat(Errno.of(r.errno())).isEqualTo(Errno.EINVAL);
    assertThat(r.message()).contains("Invalid replay window");
  }

  @Test
  void extAckTextIsReducedToPrintableAscii() {
    byte[] reply = Replies.error(7, 1, 0x10, 22, "bad\u0007text");
    NetlinkErrorReply r = NetlinkErrorReply.parse(NetlinkMessage.of(reply));
    assertThat(r.message()).contains("bad?text");
  }

  @Test
  void aReplyTooShortForNlmsgerrIsAParseError() {
    byte[] reply = Arrays.copyOf(Replies.ack(7, 1, 0x10), 24);
    java.nio.ByteBuffer.wrap(reply).order(java.nio.ByteOrder.nativeOrder()).putInt(0, 24);
    assertThatThrownBy(() -> NetlinkErrorReply.parse(NetlinkMessage.of(reply)))
        .isInstanceOf(NetlinkParseException.class)
        .hasMessageContaining("shorter than nlmsgerr");
  }

  @Test
  void errnoNamesTheKnownNumbersAndKeepsUnknownOnes() {
    assertThat(Errno.of(17)).isEqualTo(Errno.EEXIST);
    assertThat(Errno.of(3)).isEqualTo(Errno.ESRCH);
    assertThat(Errno.of(2)).isEqualTo(Errno.ENOENT);
    assertThat(Errno.of(105)).isEqualTo(Errno.ENOBUFS);
    assertThat(Errno.of(97)).isEqualTo(Errno.EAFNOSUPPORT);
    assertThat(Errno.of(4000)).isEqualTo(Errno.UNKNOWN);
    ErrnoException e = ErrnoException.fromReply(4000, "XFRM_MSG_NEWSA seq=1", null);
    assertThat(e.number()).isEqualTo(4000);
    assertThat(e.getMessage()).isEqualTo("XFRM_MSG_NEWSA seq=1 failed: errno 4000 (unknown error)");
    assertThat(ErrnoException.fromSyscall(1, "socket").getMessage())
        .isEqualTo("socket failed: EPERM (operation not permitted)");
  }
}
