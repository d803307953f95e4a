package io.secureoverlay.agent.xfrm.client;

import static io.secureoverlay.agent.xfrm.client.TestStates.A;
import static io.secureoverlay.agent.xfrm.client.TestStates.B;
import static io.secureoverlay.agent.xfrm.client.TestStates.policy;
import static io.secureoverlay.agent.xfrm.client.TestStates.sa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureoverlay.agent.netlink.DumpInterruptedException;
import io.secureoverlay.agent.netlink.Errno;
import io.secureoverlay.agent.netlink.FakeTransport;
import io.secureoverlay.agent.netlink.NetlinkConstants;
import io.secureoverlay.agent.netlink.Replies;
import io.secureoverlay.agent.netlink.RequestResult;
import io.secureoverlay.agent.xfrm.XfrmDirection;
import io.secureoverlay.agent.xfrm.XfrmOperation;
import io.secureoverlay.agent.xfrm.XfrmOwnership;
import io.secureoverlay.agent.xfrm.XfrmState;
import io.secureoverlay.agent.xfrm.XfrmStateEntry;
import io.secureoverlay.agent.xfrm.wire.GoldenHex;
import io.secureoverlay.agent.xfrm.wire.XfrmMsgType;
import io.secureoverlay.model.IcvLength;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The client's logic over a scripted kernel; the real kernel is XfrmClientIT's. */
class XfrmClientTest {

  /** The captured SA dump (one foreign SA, four of ours), answered to whatever seq we use. */
  private static final byte[] SA_DUMP = GoldenHex.load("getsa-dump.reply.1");

  private static final byte[] SA_DUMP_DONE = GoldenHex.load("getsa-dump.reply.2");
  private static final int PID = GoldenHex.pid(SA_DUMP);

  private static int seqOf(byte[] datagram) {
    return ByteBuffer.wrap(datagram).order(ByteOrder.nativeOrder()).getInt(8);
  }

  /** A copy of a datagram with every message's seq set to {@code seq} and flags OR-ed. */
  private static byte[] withSeq(byte[] datagram, int seq, int extraFlags) {
    byte[] copy = datagram.clone();
    ByteBuffer b = ByteBuffer.wrap(copy).order(ByteOrder.nativeOrder());
    int pos = 0;
    while (pos < copy.length) {
      b.putInt(pos + 8, seq);
      b.putShort(pos + 6, (short) (b.getShort(pos + 6) | extraFlags));
      pos += (b.getInt(pos) + 3) & ~3;
    }
    return copy;
  }

  private static XfrmClient client(Function<byte[], List<Object>> responder) {
    return XfrmClient.over(new FakeTransport(PID, 212992, 425984, responder));
  }

  @Test
  void ownedStatesLeaveTheForeignSaOut() {
    try (XfrmClient c =
        client(d -> List.of(withSeq(SA_DUMP, seqOf(d), 0), withSeq(SA_DUMP_DONE, seqOf(d), 0)))) {
      assertThat(c.states()).hasSize(5);
      assertThat(c.ownedStates())
          .hasSize(4)
          .allMatch(XfrmOwnership::owns)
          .extracting(XfrmStateEntry::reqid)
          .doesNotContain(7);
    }
  }

  @Test
  void anInterruptedDumpIsRepeatedAndItsSecondAnswerUsed() {
    List<byte[]> requests = new ArrayList<>();
    try (XfrmClient c =
        client(
            d -> {
              requests.add(d);
              int flags = requests.size() == 1 ? NetlinkConstants.NLM_F_DUMP_INTR : 0;
              return List.of(
                  withSeq(SA_DUMP, seqOf(d), flags), withSeq(SA_DUMP_DONE, seqOf(d), flags));
            })) {
      assertThat(c.states()).hasSize(5);
      assertThat(requests).hasSize(2);
    }
  }

  @Test
  void aDumpInterruptedEveryTimeGivesUpWithTheRetryableException() {
    try (XfrmClient c =
        client(
            d ->
                List.of(
                    withSeq(SA_DUMP, seqOf(d), NetlinkConstants.NLM_F_DUMP_INTR),
                    withSeq(SA_DUMP_DONE, seqOf(d), NetlinkConstants.NLM_F_DUMP_INTR)))) {
      assertThatThrownBy(c::states).isInstanceOf(DumpInterruptedException.class);
    }
  }

  @Test
  void aMissingSaOrPolicyIsEmptyNotAnError() {
    try (XfrmClient c =
        client(
            d ->
                List.of(
                    Replies.error(
                        seqOf(d), PID, XfrmMsgType.XFRM_MSG_GETSA, Errno.ESRCH.number(), null)))) {
      assertThat(c.getState(sa(A, B, 0x5ec01001, 1, 16, IcvLength.ICV_64).key())).isEmpty();
    }
    try (XfrmClient c =
        client(
            d ->
                List.of(
                    Replies.error(
                        seqOf(d),
                        PID,
                        XfrmMsgType.XFRM_MSG_GETPOLICY,
                        Errno.ENOENT.number(),
                        null)))) {
      assertThat(c.getPolicy(policy(A, B, XfrmDirection.OUT, 1).id())).isEmpty();
    }
  }

  @Test
  void otherErrorsOfAGetAreThrown() {
    try (XfrmClient c =
        client(
            d ->
                List.of(
                    Replies.error(
                        seqOf(d), PID, XfrmMsgType.XFRM_MSG_GETSA, Errno.EPERM.number(), null)))) {
      XfrmState s = sa(A, B, 0x5ec01001, 1, 16, IcvLength.ICV_64);
      assertThatThrownBy(() -> c.getState(s.key())).hasMessageContaining("EPERM");
    }
  }

  @Test
  void applyGivesOneResultPerOperationInOrder() {
    XfrmState s = sa(A, B, 0x5ec01001, 1, 16, IcvLength.ICV_64);
    try (XfrmClient c =
        client(
            d -> {
              List<byte[]> acks = new ArrayList<>();
              for (byte[] m : FakeTransport.messagesOf(d)) {
                int type = ByteBuffer.wrap(m).order(ByteOrder.nativeOrder()).getShort(4);
                acks.add(
                    type == XfrmMsgType.XFRM_MSG_DELPOLICY
                        ? Replies.error(
                            seqOf(m), PID, type, Errno.ENOENT.number(), "no such policy")
                        : Replies.ack(seqOf(m), PID, type));
              }
              return List.of(Replies.datagram(acks));
            })) {
      List<RequestResult> results =
          c.apply(
              List.of(
                  new XfrmOperation.AddState(s),
                  new XfrmOperation.DeletePolicy(policy(A, B, XfrmDirection.OUT, 1).id()),
                  new XfrmOperation.UpdateState(s)));
      assertThat(results).extracting(RequestResult::ok).containsExactly(true, false, true);
      assertThat(results.get(1).errno()).contains(Errno.ENOENT);
      assertThat(results.get(1).failure().orElseThrow().getMessage())
          .contains("XFRM_MSG_DELPOLICY", "ENOENT", "no such policy");
    }
  }

  @Test
  void addStateThrowsTheTypedErrnoAndLeavesNoKeyInTheSendBuffer() {
    FakeTransport t =
        new FakeTransport(
            PID,
            212992,
            425984,
            d ->
                List.of(
                    Replies.error(
                        seqOf(d), PID, XfrmMsgType.XFRM_MSG_NEWSA, Errno.EEXIST.number(), null)));
    try (XfrmClient c = XfrmClient.over(t)) {
      assertThatThrownBy(() -> c.addState(sa(A, B, 0x5ec01001, 1, 16, IcvLength.ICV_64)))
          .hasMessage("XFRM_MSG_NEWSA seq=1 failed: EEXIST (file exists)");
      ByteBuffer sent = t.lastSendBuffer().duplicate().clear();
      while (sent.hasRemaining()) {
        assertThat(sent.get()).isZero();
      }
    }
  }
}
