package io.secureoverlay.agent.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lab itself: three Calico-IPIP-style namespace nodes reach each other pod to pod in plaintext,
 * and the packets on the underlay are IPIP. Every encrypted scenario starts from this.
 */
class LabNetworkIT {

  private static LabNetwork lab;

  @BeforeAll
  static void up() {
    lab = LabNetwork.create(3, 1500, 1480);
  }

  @AfterAll
  static void down() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void everyPodPairReachesEachOtherOverPlainIpip() {
    for (LabNode from : lab.nodes()) {
      for (LabNode to : lab.nodes()) {
        if (from != to) {
          assertThat(lab.ping(from, to, 3, "0.05").lost())
              .as("plain IPIP ping %s -> %s", from.podIp(), to.podIp())
              .isZero();
        }
      }
    }
  }

  @Test
  void underlayCarriesIpipWithoutEncryption() {
    LabNode a = lab.node(1);
    LabNode b = lab.node(2);
    String packets;
    try (PacketCapture capture = PacketCapture.start(b, "ip proto 4 or ip proto 50")) {
      lab.ping(a, b, 3, "0.05");
      packets = capture.stop();
    }
    // tcpdump shows IPIP as the outer pair, then the inner pod pair.
    assertThat(packets)
        .contains(
            a.underlayIp() + " > " + b.underlayIp() + ": " + "IP " + a.podIp() + " > " + b.podIp())
        .doesNotContain("ESP(");
  }
}
