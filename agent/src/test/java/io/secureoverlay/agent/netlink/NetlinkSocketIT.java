package io.secureoverlay.agent.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureoverlay.agent.xfrm.XfrmStatCounters;
import io.secureoverlay.agent.xfrm.XfrmStatReader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The jnr-ffi socket and the namespace handle against the real kernel (root, in the lab). */
class NetlinkSocketIT {

  @Test
  void anXfrmSocketOpenedInANamespaceGetsAPortIdAndItsForcedBuffer() {
    try (LabNamespace lab = LabNamespace.create("nl-it");
        NetworkNamespace ns = lab.open();
        NetlinkSocket socket = ns.call(() -> NetlinkSocket.open(NetlinkConstants.NETLINK_XFRM))) {
      assertThat(socket.portId()).isNotZero();
      assertThat(socket.protocol()).isEqualTo(NetlinkConstants.NETLINK_XFRM);
      // SO_RCVBUFFORCE of 1 MiB: the kernel doubles it for its bookkeeping
      assertThat(socket.receiveBufferSize()).isEqualTo(2 << 20);
      assertThat(socket.sendBufferSize()).isPositive();
    }
  }

  @Test
  void aReceiveWithNothingToReadTimesOutWithEagain() {
    NetlinkSocketOptions quick = new NetlinkSocketOptions(65536, false, Duration.ofMillis(200));
    try (NetlinkSocket socket = NetlinkSocket.open(NetlinkConstants.NETLINK_XFRM, quick)) {
      ByteBuffer buf = ByteBuffer.allocateDirect(4096);
      long start = System.nanoTime();
      assertThatThrownBy(() -> socket.receive(buf))
          .isInstanceOfSatisfying(
              ErrnoException.class,
              e -> {
                assertThat(e.errno()).isEqualTo(Errno.EAGAIN);
                assertThat(e.operation()).isEqualTo("recvfrom");
              });
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void failingSystemCallsBecomeTypedErrnoAtOnce() {
    assertThatThrownBy(() -> NetlinkSocket.open(999))
        .isInstanceOfSatisfying(
            ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EPROTONOSUPPORT));
    assertThatThrownBy(() -> NetworkNamespace.open("no-such-namespace-here"))
        .isInstanceOfSatisfying(
            ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
    NetlinkSocket closed = NetlinkSocket.open(NetlinkConstants.NETLINK_XFRM);
    closed.close();
    closed.close(); // idempotent
    assertThatThrownBy(() -> closed.receive(ByteBuffer.allocateDirect(16)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aNamespaceThreadSeesItsOwnNamespaceThroughThreadSelfButNotThroughSelf() throws Exception {
    try (LabNamespace lab = LabNamespace.create("nl-proc");
        NetworkNamespace ns = lab.open()) {
      lab.ip("link", "add", "probe0", "type", "veth", "peer", "name", "probe1");
      String threadSelf = ns.call(() -> Files.readString(Path.of("/proc/thread-self/net/dev")));
      String self = ns.call(() -> Files.readString(Path.of("/proc/self/net/dev")));
      assertThat(threadSelf).contains("probe0");
      assertThat(self).doesNotContain("probe0"); // the process leader's namespace
      assertThat(Files.readString(Path.of("/proc/thread-self/net/dev"))).doesNotContain("probe0");

      XfrmStatCounters counters = ns.call(XfrmStatReader::read);
      assertThat(counters.counters()).containsKey("XfrmInNoStates");
      assertThat(counters.total()).isZero();
    }
  }
}
