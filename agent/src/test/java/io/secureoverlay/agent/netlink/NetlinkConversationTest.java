package io.secureoverlay.agent.netlink;

import static io.secureoverlay.agent.netlink.NetlinkConstants.NLM_F_ACK;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLM_F_DUMP;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLM_F_DUMP_INTR;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLM_F_MULTI;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLM_F_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetlinkConversationTest {

  private static final int PID = 4242;
  private static final int TYPE = 0x10;

  private static NetlinkRequest request(long marker) {
    return NetlinkRequestBuilder.create(TYPE, NLM_F_REQUEST | NLM_F_ACK)
        .payload(8, b -> b.putLong(marker))
        .build();
  }

  private static List<NetlinkRequest> requests(int n) {
    List<NetlinkRequest> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(request(i));
    }
    return list;
  }

  private static int seqOf(byte[] message) {
    return ByteBuffer.wrap(message).order(ByteOrder.nativeOrder()).getInt(8);
  }

  @Test
  void acksAreMatchedBySequenceNumberEvenWhenTheyArriveOutOfOrder() {
    FakeTransport t =
        new FakeTransport(
            PID,
            212992,
            425984,
            d -> {
              List<byte[]> m = FakeTransport.messagesOf(d);
              return List.of(
                  Replies.datagram(
                      List.of(
                          Replies.ack(seqOf(m.get(2)), PID, TYPE),
                          Replies.error(
                              seqOf(m.get(1)),
                              PID,
                              TYPE,
                              Errno.EEXIST.number(),
                              "State already exists"),
                          Replies.ack(seqOf(m.get(0)), PID, TYPE))));
            });
    List<RequestResult> results =
        new NetlinkConversation(t, TestFamily.INSTANCE, 100).execute(requests(3));

    assertThat(results).extracting(RequestResult::index).containsExactly(0, 1, 2);
    assertThat(results.get(0).ok()).isTrue();
    assertThat(results.get(2).ok()).isTrue();
    assertThat(results.get(1).errno()).contains(Errno.EEXIST);
    ErrnoException e = (ErrnoException) results.get(1).failure().orElseThrow();
    assertThat(e.extAckMessage()).contains("State already exists");
    assertThat(e.operation()).isEqualTo("TEST_16 seq=101");
    assertThat(e.getMessage()).contains("EEXIST", "State already exists");
  }

  @Test
  void everyRequestOfABatchGoesInOneDatagramWithItsOwnSequenceNumber() {
    FakeTransport t = new FakeTransport(PID, 212992, 425984, d -> Replies.ackAll(d, PID));
    new NetlinkConversation(t, TestFamily.INSTANCE, 7).execute(requests(4));

    assertThat(t.sent()).hasSize(1);
    List<byte[]> messages = FakeTransport.messagesOf(t.sent().get(0));
    assertThat(messages).extracting(NetlinkConversationTest::seqOf).containsExactly(7, 8, 9, 10);
    for (byte[] m : messages) {
      StructNlMsgHdr h = StructNlMsgHdr.readFrom(ByteBuffer.wrap(m).order(ByteOrder.nativeOrder()));
      assertThat(h.flags()).isEqualTo(NLM_F_REQUEST | NLM_F_ACK);
      assertThat(h.pid()).isZero();
      assertThat(h.length()).isEqualTo(24);
    }
  }

  @Test
  void staleAndForeignRepliesAreSkippedNotMisattributed() {
    FakeTransport t = FakeTransport.scripted(PID);
    t.enqueue(Replies.error(4, PID, TYPE, Errno.EEXIST.number(), null)); // an older request's
    t.enqueue(Replies.error(5, PID + 1, TYPE, Errno.EPERM.number(), null)); // another port's
    t.enqueue(Replies.ack(5, PID, TYPE));
    List<RequestResult> results =
        new NetlinkConversation(t, TestFamily.INSTANCE, 5).execute(List.of(request(1)));
    assertThat(results).singleElement().satisfies(r -> assertThat(r.ok()).isTrue());
  }

  @Test
  void batchesAreSplitSoTheAcksFitTheReceiveBuffer() {
    FakeTransport t = new FakeTransport(PID, 212992, 8 * 1024, d -> Replies.ackAll(d, PID));
    NetlinkConversation c = new NetlinkConversation(t, TestFamily.INSTANCE, 1);
    assertThat(c.maxBatchMessages()).isEqualTo(8);

    List<RequestResult> results = c.execute(requests(20));

    assertThat(results).hasSize(20).allMatch(RequestResult::ok);
    assertThat(t.sent())
        .extracting(d -> FakeTransport.messagesOf(d).size())
        .containsExactly(8, 8, 4);
  }

  @Test
  void batchesAreSplitSoEachDatagramFitsTheSendBuffer() {
    FakeTransport t = new FakeTransport(PID, 8192, 1 << 20, d -> Replies.ackAll(d, PID));
    List<NetlinkRequest> big = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      big.add(
          NetlinkRequestBuilder.create(TYPE, NLM_F_REQUEST | NLM_F_ACK)
              .payload(1000, b -> b.put(new byte[1000]))
              .build());
    }
    List<RequestResult> results = new NetlinkConversation(t, TestFamily.INSTANCE, 1).execute(big);
    assertThat(results).allMatch(RequestResult::ok);
    assertThat(t.sent()).allSatisfy(d -> assertThat(d.length).isLessThanOrEqualTo(4096));
    assertThat(t.sent()).hasSize(3);
  }

  @Test
  void acksThatNeverComeAreReportedAgainstEachPendingRequest() {
    FakeTransport t = FakeTransport.scripted(PID); // no replies: every receive times out
    List<RequestResult> results =
        new NetlinkConversation(t, TestFamily.INSTANCE, 1).execute(requests(3));
    assertThat(results)
        .allSatisfy(
            r -> {
              assertThat(r.errno()).contains(Errno.EAGAIN);
              assertThat(r.failure().orElseThrow().getMessage())
                  .contains("no ack, outcome unknown");
            });
  }

  @Test
  void droppedAcksMarkThePendingRequestsAsUnknown() {
    FakeTransport t = FakeTransport.scripted(PID);
    t.enqueue(Replies.ack(1, PID, TYPE));
    t.enqueue(ErrnoException.fromSyscall(Errno.ENOBUFS.number(), "recvfrom"));
    List<RequestResult> results =
        new NetlinkConversation(t, TestFamily.INSTANCE, 1).execute(requests(3));
    assertThat(results.get(0).ok()).isTrue();
    assertThat(results.get(1).errno()).contains(Errno.ENOBUFS);
    assertThat(results.get(2).errno()).contains(Errno.ENOBUFS);
  }

  @Test
  void aFailedSendIsReportedAgainstEveryRequestItCarried() {
    FakeTransport failing =
        FakeTransport.scripted(PID)
            .failSendsWith(ErrnoException.fromSyscall(Errno.EPERM.number(), "sendto"));
    List<RequestResult> results =
        new NetlinkConversation(failing, TestFamily.INSTANCE, 1).execute(requests(2));
    assertThat(results).allSatisfy(r -> assertThat(r.errno()).contains(Errno.EPERM));
  }

  @Test
  void theSendBufferIsZeroedAfterASensitiveRequest() {
    FakeTransport t = new FakeTransport(PID, 212992, 425984, d -> Replies.ackAll(d, PID));
    byte[] secret = new byte[32];
    java.util.Arrays.fill(secret, (byte) 0x5a);
    NetlinkRequest sensitive =
        NetlinkRequestBuilder.create(TYPE, NLM_F_REQUEST | NLM_F_ACK)
            .sensitive()
            .payload(32, b -> b.put(secret))
            .build();

    new NetlinkConversation(t, TestFamily.INSTANCE, 1).execute(List.of(sensitive));

    assertThat(t.sent().get(0)).contains(secret); // it did go out
    ByteBuffer used = t.lastSendBuffer().duplicate().clear();
    while (used.hasRemaining()) {
      assertThat(used.get()).isZero();
    }
  }

  @Test
  void aDumpIsReadAcrossDatagramsUpToDone() {
    FakeTransport t = FakeTransport.scripted(PID);
    t.enqueue(
        Replies.datagram(
            List.of(
                Replies.message(TYPE, NLM_F_MULTI, 1, PID, new byte[] {1, 0, 0, 0}),
                Replies.message(TYPE, NLM_F_MULTI, 1, PID, new byte[] {2, 0, 0, 0}))));
    t.enqueue(
        Replies.datagram(
            List.of(
                Replies.message(TYPE, NLM_F_MULTI, 1, PID, new byte[] {3, 0, 0, 0}),
                Replies.done(1, PID, NLM_F_MULTI))));
    List<Integer> values =
        new NetlinkConversation(t, TestFamily.INSTANCE, 1)
            .dump(dumpRequest(), m -> m.payload().getInt());
    assertThat(values).containsExactly(1, 2, 3);
    assertThat(
            StructNlMsgHdr.readFrom(ByteBuffer.wrap(t.sent().get(0)).order(ByteOrder.nativeOrder()))
                .flags())
        .isEqualTo(NLM_F_REQUEST | NLM_F_DUMP);
  }

  @Test
  void anInterruptedDumpIsItsOwnRetryableExceptionAndLeavesTheSocketInStep() {
    FakeTransport t = FakeTransport.scripted(PID);
    t.enqueue(
        Replies.datagram(
            List.of(
                Replies.message(TYPE, NLM_F_MULTI | NLM_F_DUMP_INTR, 1, PID, new byte[4]),
                Replies.done(1, PID, NLM_F_MULTI | NLM_F_DUMP_INTR))));
    NetlinkConversation c = new NetlinkConversation(t, TestFamily.INSTANCE, 1);
    assertThatThrownBy(() -> c.dump(dumpRequest(), m -> 1))
        .isInstanceOf(DumpInterruptedException.class)
        .satisfies(e -> assertThat(((NetlinkException) e).isRetryable()).isTrue());

    t.enqueue(Replies.done(2, PID, NLM_F_MULTI));
    assertThat(c.dump(dumpRequest(), m -> 1)).isEmpty();
  }

  @Test
  void aRefusedDumpBecomesItsErrno() {
    FakeTransport t = FakeTransport.scripted(PID);
    t.enqueue(Replies.error(1, PID, TYPE, Errno.EPERM.number(), null));
    assertThatThrownBy(
            () -> new NetlinkConversation(t, TestFamily.INSTANCE, 1).dump(dumpRequest(), m -> 1))
        .isInstanceOfSatisfying(
            ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EPERM));
  }

  @Test
  void anUndecodableDumpElementFailsTheDumpAfterReadingToDone() {
    FakeTransport t = FakeTransport.scripted(PID);
    t.enqueue(
        Replies.datagram(
            List.of(
                Replies.message(TYPE, NLM_F_MULTI, 1, PID, new byte[] {1, 0, 0, 0}),
                Replies.message(TYPE, NLM_F_MULTI, 1, PID, new byte[] {9, 0, 0, 0}))));
    t.enqueue(Replies.done(1, PID, NLM_F_MULTI));
    NetlinkConversation c = new NetlinkConversation(t, TestFamily.INSTANCE, 1);
    assertThatThrownBy(
            () ->
                c.dump(
                    dumpRequest(),
                    m -> {
                      int v = m.payload().getInt();
                      if (v == 9) {
                        throw new NetlinkParseException("bad element");
                      }
                      return v;
                    }))
        .isInstanceOf(NetlinkParseException.class)
        .hasMessageContaining("bad element")
        .hasMessageContaining("TEST_16 14000000 10000200 01000000 92100000 <4 withheld>");
    t.enqueue(Replies.done(2, PID, NLM_F_MULTI));
    assertThat(c.dump(dumpRequest(), m -> 1)).isEmpty(); // the DONE of the first was consumed
  }

  @Test
  void aTruncatedDatagramIsAParseErrorNotAPartialResult() {
    byte[] good = Replies.message(TYPE, NLM_F_MULTI, 1, PID, new byte[] {1, 0, 0, 0});
    byte[] cut = Replies.message(TYPE, NLM_F_MULTI, 1, PID, new byte[40]);
    byte[] datagram = Replies.datagram(List.of(good, java.util.Arrays.copyOf(cut, 30)));
    FakeTransport t = FakeTransport.scripted(PID).enqueue(datagram);
    assertThatThrownBy(
            () -> new NetlinkConversation(t, TestFamily.INSTANCE, 1).dump(dumpRequest(), m -> 1))
        .isInstanceOf(NetlinkParseException.class)
        .hasMessageContaining("nlmsg_len 56 at offset 20 does not fit the 30 remaining bytes");
  }

  @Test
  void decoderBugsOnHostileInputSurfaceAsParseErrors() {
    FakeTransport t = FakeTransport.scripted(PID);
    t.enqueue(
        Replies.datagram(
            List.of(
                Replies.message(TYPE, NLM_F_MULTI, 1, PID, new byte[4]),
                Replies.done(1, PID, NLM_F_MULTI))));
    assertThatThrownBy(
            () ->
                new NetlinkConversation(t, TestFamily.INSTANCE, 1)
                    .dump(dumpRequest(), m -> m.payload().getLong()))
        .isInstanceOf(NetlinkParseException.class)
        .hasMessageContaining("BufferUnderflowException");
  }

  @Test
  void aQueryReturnsItsOneReplyOrThrowsItsErrno() {
    FakeTransport t = FakeTransport.scripted(PID);
    t.enqueue(Replies.message(TYPE, 0, 1, PID, new byte[] {7, 0, 0, 0}));
    NetlinkConversation c = new NetlinkConversation(t, TestFamily.INSTANCE, 1);
    int value = c.query(request(0), m -> m.payload().getInt());
    assertThat(value).isEqualTo(7);

    t.enqueue(Replies.error(2, PID, TYPE, Errno.ESRCH.number(), null));
    assertThatThrownBy(() -> c.query(request(0), m -> 1))
        .isInstanceOfSatisfying(
            ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ESRCH));
  }

  @Test
  void closingTheConversationClosesTheSocket() {
    FakeTransport t = FakeTransport.scripted(PID);
    new NetlinkConversation(t, TestFamily.INSTANCE, 1).close();
    assertThat(t.isClosed()).isTrue();
  }

  private static NetlinkRequest dumpRequest() {
    return NetlinkRequestBuilder.create(TYPE, NLM_F_REQUEST | NLM_F_DUMP).build();
  }
}
