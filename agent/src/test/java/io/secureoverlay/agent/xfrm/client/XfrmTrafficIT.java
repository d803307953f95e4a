package io.secureoverlay.agent.xfrm.client;

import static io.secureoverlay.agent.xfrm.client.TestStates.A;
import static io.secureoverlay.agent.xfrm.client.TestStates.B;
import static io.secureoverlay.agent.xfrm.client.TestStates.policy;
import static io.secureoverlay.agent.xfrm.client.TestStates.sa;
import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.netlink.LabNamespace;
import io.secureoverlay.agent.netlink.NetworkNamespace;
import io.secureoverlay.agent.xfrm.XfrmAead;
import io.secureoverlay.agent.xfrm.XfrmDirection;
import io.secureoverlay.agent.xfrm.XfrmOperation;
import io.secureoverlay.agent.xfrm.XfrmOwnership;
import io.secureoverlay.agent.xfrm.XfrmStatCounters;
import io.secureoverlay.agent.xfrm.XfrmStatReader;
import io.secureoverlay.agent.xfrm.XfrmState;
import io.secureoverlay.agent.xfrm.XfrmStateEntry;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.IcvLength;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two namespace nodes joined Calico-style (veth underlay, tunl0 with onlink routes; see the kernel
 * lab's demo-esp.sh), programmed only through our client: traffic flows encrypted and the per-SA
 * counters and /proc/net/xfrm_stat of each node tell what happened.
 */
class XfrmTrafficIT {

  private static final String POD_A = "198.51.100.1";
  private static final String POD_B = "198.51.100.65";

  private LabNamespace a;
  private LabNamespace b;
  private NetworkNamespace nsA;
  private NetworkNamespace nsB;
  private XfrmClient nodeA;
  private XfrmClient nodeB;

  private final XfrmState aToB = sa(A, B, 0x5ec01001, 1, 16, IcvLength.ICV_64);
  private final XfrmState bToA = sa(B, A, 0x5ec01002, 2, 16, IcvLength.ICV_64);

  @BeforeEach
  void twoNodes() {
    a = LabNamespace.create("node-a");
    b = LabNamespace.create("node-b");
    a.ip("link", "add", "va", "type", "veth", "peer", "name", "vb", "netns", b.name());
    a.ip("addr", "add", "192.0.2.11/24", "dev", "va");
    a.ip("link", "set", "va", "up");
    b.ip("addr", "add", "192.0.2.12/24", "dev", "vb");
    b.ip("link", "set", "vb", "up");
    tunnel(a, POD_A, "192.0.2.12", "198.51.100.64/26");
    tunnel(b, POD_B, "192.0.2.11", "198.51.100.0/26");
    nsA = a.open();
    nsB = b.open();
    nodeA = XfrmClient.open(nsA);
    nodeB = XfrmClient.open(nsB);
  }

  private static void tunnel(LabNamespace node, String pod, String peer, String peerBlock) {
    node.ip("link", "set", "tunl0", "mtu", "1444", "up");
    node.ip("addr", "add", pod + "/32", "dev", "tunl0");
    node.ip("route", "add", peerBlock, "via", peer, "dev", "tunl0", "onlink");
  }

  @AfterEach
  void teardown() {
    nodeA.close();
    nodeB.close();
    nsA.close();
    nsB.close();
    a.close();
    b.close();
  }

  private void encrypt() {
    for (XfrmClient node : List.of(nodeA, nodeB)) {
      assertThat(
              node.apply(
                  List.of(new XfrmOperation.AddState(aToB), new XfrmOperation.AddState(bToA))))
          .allMatch(r -> r.ok());
    }
    nodeA.addPolicy(policy(A, B, XfrmDirection.OUT, XfrmOwnership.reqid(1)));
    nodeA.addPolicy(policy(B, A, XfrmDirection.IN, XfrmOwnership.reqid(2)));
    nodeB.addPolicy(policy(B, A, XfrmDirection.OUT, XfrmOwnership.reqid(2)));
    nodeB.addPolicy(policy(A, B, XfrmDirection.IN, XfrmOwnership.reqid(1)));
  }

  private int ping() {
    return a.execStatus("ping", "-c3", "-i0.2", "-W2", "-I", POD_A, POD_B);
  }

  @Test
  void pingsFlowThroughTheSasAndTheirCountersRise() {
    assertThat(ping()).as("plain IPIP first").isZero();
    encrypt();
    assertThat(ping()).as("ping over ESP").isZero();

    XfrmStateEntry outOfA = nodeA.getState(aToB.key()).orElseThrow();
    XfrmStateEntry intoB = nodeB.getState(aToB.key()).orElseThrow();
    XfrmStateEntry intoA = nodeA.getState(bToA.key()).orElseThrow();
    assertThat(outOfA.current().packets()).isGreaterThanOrEqualTo(3);
    // transport mode counts what it protects: the inner 84-byte IP packets of the pings
    assertThat(outOfA.current().bytes()).isGreaterThanOrEqualTo(3 * 84);
    assertThat(intoB.current().packets()).isGreaterThanOrEqualTo(3);
    assertThat(intoA.current().packets()).isGreaterThanOrEqualTo(3); // the echo replies
    assertThat(intoB.stats().integrityFailed()).isZero();
    assertThat(outOfA.replayState())
        .hasValueSatisfying(r -> assertThat(r.outboundSeq()).isGreaterThanOrEqualTo(3));

    XfrmStatCounters statsB = nsB.call(XfrmStatReader::read);
    assertThat(statsB.total()).isZero();
  }

  @Test
  void aWrongKeyOnTheReceiverIsCountedAsIntegrityFailure() {
    encrypt();
    byte[] wrong = new byte[20];
    java.util.Arrays.fill(wrong, (byte) 0xee);
    XfrmState wrongKey = aToB.withAead(new XfrmAead(SecretBytes.wrap(wrong), IcvLength.ICV_64));
    nodeB.deleteState(aToB.key());
    nodeB.addState(wrongKey);

    assertThat(ping()).as("ping with mismatched keys must fail").isNotZero();

    XfrmStateEntry intoB = nodeB.getState(aToB.key()).orElseThrow();
    assertThat(intoB.stats().integrityFailed()).isGreaterThanOrEqualTo(3);
    assertThat(intoB.aead().orElseThrow().keyFingerprint())
        .isNotEqualTo(aToB.aead().key().fingerprint());
    XfrmStatCounters statsB = nsB.call(XfrmStatReader::read);
    assertThat(statsB.inStateProtoError()).isGreaterThanOrEqualTo(3);
    XfrmStatCounters statsA = nsA.call(XfrmStatReader::read);
    assertThat(statsA.inStateProtoError()).isZero(); // each namespace its own counters
  }
}
