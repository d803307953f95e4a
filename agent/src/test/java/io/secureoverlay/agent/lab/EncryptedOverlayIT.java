package io.secureoverlay.agent.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent on a real kernel: three Calico-IPIP namespace nodes, the real agent jar on each, real
 * pings between pod addresses. What an operator would check: traffic flows, the wire shows only
 * ESP, nothing is lost when agents restart or keys rotate, and shutdown leaves others' state alone.
 */
class EncryptedOverlayIT {

  private EncryptedLab lab;

  @BeforeEach
  void up() {
    lab = EncryptedLab.start(3, 1500, 1480, 64);
  }

  @AfterEach
  void down() {
    lab.close();
  }

  @Test
  void podTrafficIsEncryptedOnTheWireAndCountersRise() {
    lab.enable(1, true);
    LabNode a = lab.node(1);
    LabNode b = lab.node(2);
    LabNode c = lab.node(3);

    String packets;
    try (PacketCapture capture = PacketCapture.start(b, "ip proto 4 or ip proto 50")) {
      assertThat(lab.network().ping(a, b, 20, "0.02").lost()).isZero();
      assertThat(lab.network().ping(c, b, 20, "0.02").lost()).isZero();
      packets = capture.stop();
    }

    assertThat(packets.lines().filter(l -> l.contains("ESP(spi=0x5e")).count())
        .as("ESP packets with our SPIs on node 2's underlay")
        .isGreaterThanOrEqualTo(80);
    assertThat(packets).doesNotContain("IP " + a.podIp()).doesNotContain("IP " + c.podIp());
    XfrmView.State outbound =
        XfrmView.states(a).stream()
            .filter(s -> s.src().equals(a.underlayIp()) && s.dst().equals(b.underlayIp()))
            .findFirst()
            .orElseThrow();
    assertThat(outbound.packets())
        .as("packets counted by the SA node 1 -> node 2")
        .isGreaterThanOrEqualTo(20);
    System.out.printf(
        "[lab] encrypted: %d ESP packets on the wire, SA %s->%s counted %d packets / %d bytes%n",
        packets.lines().filter(l -> l.contains("ESP(")).count(),
        a.underlayIp(),
        b.underlayIp(),
        outbound.packets(),
        outbound.bytes());
  }

  @Test
  void aWrongKeyOnOneSideStopsItsTrafficAndTheAgentReportsTheErrors() {
    LabConfig config = lab.config();
    LabNode c = lab.node(3);
    Map<Long, String> wrong = Map.of(1L, config.randomSecret());
    config.writeAll(List.of(1L), OptionalLong.empty(), false);
    config.writeWithSecrets(c, wrong, OptionalLong.empty(), false);
    lab.awaitEveryNode("inbound SAs", n -> lab.hasInboundFromAllPeers(n, 1));
    config.writeAll(List.of(1L), OptionalLong.of(1), false);
    config.writeWithSecrets(c, wrong, OptionalLong.of(1), false);
    lab.awaitEveryNode("encrypting", n -> lab.encryptsTowardAllPeersWith(n, 1));

    assertThat(lab.network().ping(lab.node(1), lab.node(2), 5, "0.05").lost()).isZero();
    assertThat(lab.network().ping(lab.node(1), c, 5, "0.05").received()).isZero();
    await("node 3's agent reports failed decryption")
        .atMost(Duration.ofSeconds(20))
        .until(() -> lab.agent(3).diagnostics().contains("XfrmInStateProtoError"));
    System.out.println(
        "[lab] wrong key: "
            + lab.agent(3)
                .diagnostics()
                .lines()
                .filter(l -> l.contains("dropped packets"))
                .findFirst()
                .orElse(""));
  }

  @Test
  void anAgentKilledAndRestartedDuringTrafficLosesNothing() {
    lab.enable(1, true);
    ContinuousPing toKilled = ContinuousPing.start(lab.node(1), lab.node(2), 500);
    ContinuousPing fromKilled = ContinuousPing.start(lab.node(2), lab.node(3), 500);

    lab.agent(2).kill();
    LabAgent restarted = lab.restartAgent(2);
    await("the restarted agent has reconciled")
        .atMost(Duration.ofSeconds(30))
        .until(() -> restarted.diagnostics().contains("event=static_reconcile"));

    LabNetwork.PingResult in = toKilled.finish();
    LabNetwork.PingResult out = fromKilled.finish();
    System.out.printf(
        "[lab] SIGKILL + restart during 100 pings/s: lost %d of %d toward, %d of %d from the node%n",
        in.lost(), in.transmitted(), out.lost(), out.transmitted());
    assertThat(restarted.changes()).as("changes made by the restarted agent").isEmpty();
    assertThat(in.lost()).isZero();
    assertThat(out.lost()).isZero();
  }

  @Test
  void anEpochSwitchInPhaseOrderLosesNothingWhileANaiveSwitchLosesPackets() {
    lab.enable(1, true);

    List<ContinuousPing> pings = pingsAround(1500);
    lab.rotate(1, 2, true);
    int phasedLost = 0;
    int phasedSent = 0;
    for (ContinuousPing p : pings) {
      LabNetwork.PingResult r = p.finish();
      phasedLost += r.lost();
      phasedSent += r.transmitted();
    }

    pings = pingsAround(1500);
    lab.naiveSwitch(2, 3, true);
    int naiveLost = 0;
    int naiveSent = 0;
    for (ContinuousPing p : pings) {
      LabNetwork.PingResult r = p.finish();
      naiveLost += r.lost();
      naiveSent += r.transmitted();
    }

    System.out.printf(
        "[lab] epoch switch: phased 1->2 lost %d of %d; naive 2->3 (delete then add, node by node)"
            + " lost %d of %d%n",
        phasedLost, phasedSent, naiveLost, naiveSent);
    assertThat(phasedLost).isZero();
    assertThat(naiveLost).isPositive();
  }

  @Test
  void sigtermRemovesEverythingOwnedAndNothingElse() {
    LabNode a = lab.node(1);
    // Another IPsec user on the same host: its own reqid, SPI and selector.
    a.exec(
            "ip",
            "xfrm",
            "state",
            "add",
            "src",
            a.underlayIp(),
            "dst",
            "192.0.2.99",
            "proto",
            "esp",
            "spi",
            "0x00001234",
            "reqid",
            "7",
            "mode",
            "transport",
            "aead",
            "rfc4106(gcm(aes))",
            "0x000102030405060708090a0b0c0d0e0f10111213",
            "64")
        .requireSuccess();
    a.exec(
            "ip",
            "xfrm",
            "policy",
            "add",
            "src",
            a.underlayIp() + "/32",
            "dst",
            "192.0.2.99/32",
            "proto",
            "17",
            "dir",
            "out",
            "tmpl",
            "proto",
            "esp",
            "reqid",
            "7",
            "mode",
            "transport")
        .requireSuccess();
    lab.enable(1, true);
    assertThat(XfrmView.states(a)).hasSizeGreaterThan(1);

    int exit = lab.agent(1).terminate();

    // 143 = 128 + SIGTERM: the JVM's status when it ends on the signal after its shutdown hook.
    assertThat(exit).as("agent exit status after SIGTERM").isIn(0, 143);
    assertThat(XfrmView.states(a))
        .singleElement()
        .satisfies(s -> assertThat(s.spi()).isEqualTo(0x1234));
    assertThat(XfrmView.policies(a))
        .singleElement()
        .satisfies(p -> assertThat(p.reqid()).isEqualTo(7));
  }

  /** Continuous pings around the ring 1 -> 2 -> 3 -> 1, 100 a second each. */
  private List<ContinuousPing> pingsAround(int count) {
    return List.of(
        ContinuousPing.start(lab.node(1), lab.node(2), count),
        ContinuousPing.start(lab.node(2), lab.node(3), count),
        ContinuousPing.start(lab.node(3), lab.node(1), count));
  }
}
