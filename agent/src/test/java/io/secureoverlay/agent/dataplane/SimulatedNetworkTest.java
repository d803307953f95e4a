package io.secureoverlay.agent.dataplane;

import static io.secureoverlay.agent.dataplane.DataplaneFixtures.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.dataplane.DataplaneChange.AddPolicy;
import io.secureoverlay.agent.dataplane.DataplaneChange.AddSa;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedNetworkTest {

  private static final InetAddress A = ip("10.0.0.1");
  private static final InetAddress B = ip("10.0.0.2");
  private static final int SPI = 0x5E000001;
  private static final int REQID = OwnedReqids.outbound(1);

  private final SimulatedNetwork network = new SimulatedNetwork();
  private final SimulatedDataplane a = network.node(A);
  private final SimulatedDataplane b = network.node(B);
  private final SecretBytes key = DataplaneFixtures.key(Cipher.AES_GCM_128, 1);
  private final SecretBytes otherKey = DataplaneFixtures.key(Cipher.AES_GCM_128, 2);

  @AfterEach
  void zeroKeys() {
    key.close();
    otherKey.close();
  }

  @Test
  void withoutPoliciesPacketsFlowInPlaintext() {
    assertThat(network.send(A, B, 100)).isEqualTo(Delivery.PLAINTEXT);
    assertThat(network.send(B, A, 100)).isEqualTo(Delivery.PLAINTEXT);
  }

  @Test
  void matchingSasCarryEspAndCountOnBothEnds() {
    encryptAtoB(key, key);

    assertThat(network.send(A, B, 100)).isEqualTo(Delivery.ENCRYPTED);
    assertThat(network.send(A, B, 60)).isEqualTo(Delivery.ENCRYPTED);

    SaCounters sent = a.getSa(SaId.esp(B, SPI)).orElseThrow().counters();
    SaCounters received = b.getSa(SaId.esp(B, SPI)).orElseThrow().counters();
    assertThat(sent.packets()).isEqualTo(2);
    assertThat(sent.bytes()).isEqualTo(160);
    assertThat(received.packets()).isEqualTo(2);
    assertThat(received.bytes()).isEqualTo(160);
  }

  @Test
  void aKeyMismatchIsAnIntegrityErrorOnTheReceiver() {
    encryptAtoB(key, otherKey);

    Delivery d = network.send(A, B, 100);

    assertThat(d).isEqualTo(Delivery.dropped("XfrmInStateProtoError"));
    assertThat(b.getSa(SaId.esp(B, SPI)).orElseThrow().counters().integrityErrors()).isEqualTo(1);
    assertThat(b.xfrmStatistics()).containsEntry("XfrmInStateProtoError", 1L);
  }

  @Test
  void espForAnSpiTheReceiverLacksIsDropped() {
    a.apply(
        List.of(
            new AddSa(DataplaneFixtures.sa(A, B, SPI, REQID, key)),
            new AddPolicy(DataplaneFixtures.outPolicy(A, B, REQID))));

    assertThat(network.send(A, B, 100)).isEqualTo(Delivery.dropped("XfrmInNoStates"));
    assertThat(b.xfrmStatistics()).containsEntry("XfrmInNoStates", 1L);
  }

  @Test
  void anOutPolicyWithoutItsSaDropsAtTheSender() {
    a.apply(List.of(new AddPolicy(DataplaneFixtures.outPolicy(A, B, REQID))));

    assertThat(network.send(A, B, 100)).isEqualTo(Delivery.dropped("XfrmOutNoStates"));
  }

  @Test
  void anEnforcingReceiverDropsPlaintextButAcceptsEsp() {
    b.apply(
        List.of(
            new AddSa(DataplaneFixtures.sa(A, B, SPI, OwnedReqids.INBOUND, key)),
            new AddPolicy(DataplaneFixtures.inPolicy(A, B))));

    assertThat(network.send(A, B, 100)).isEqualTo(Delivery.dropped("XfrmInTmplMismatch"));

    a.apply(
        List.of(
            new AddSa(DataplaneFixtures.sa(A, B, SPI, REQID, key)),
            new AddPolicy(DataplaneFixtures.outPolicy(A, B, REQID))));
    assertThat(network.send(A, B, 100)).isEqualTo(Delivery.ENCRYPTED);
  }

  @Test
  void anInPolicyRejectsEspThroughAnSaWithAnotherReqid() {
    b.apply(
        List.of(
            new AddSa(DataplaneFixtures.sa(A, B, SPI, REQID, key)),
            new AddPolicy(DataplaneFixtures.inPolicy(A, B))));
    a.apply(
        List.of(
            new AddSa(DataplaneFixtures.sa(A, B, SPI, REQID, key)),
            new AddPolicy(DataplaneFixtures.outPolicy(A, B, REQID))));

    assertThat(network.send(A, B, 100)).isEqualTo(Delivery.dropped("XfrmInTmplMismatch"));
  }

  @Test
  void anSaPastItsHardPacketLimitIsExpiredAndGone() {
    SaSpec limited =
        DataplaneFixtures.withLifetimes(
            DataplaneFixtures.sa(A, B, SPI, REQID, key), new SaLifetimes(-1, -1, 1, 2));
    a.apply(List.of(new AddSa(limited), new AddPolicy(DataplaneFixtures.outPolicy(A, B, REQID))));
    b.apply(List.of(new AddSa(DataplaneFixtures.sa(A, B, SPI, OwnedReqids.INBOUND, key))));

    assertThat(network.send(A, B, 10)).isEqualTo(Delivery.ENCRYPTED);
    assertThat(network.send(A, B, 10)).isEqualTo(Delivery.ENCRYPTED);
    assertThat(network.send(A, B, 10)).isEqualTo(Delivery.dropped("XfrmOutStateExpired"));
    assertThat(a.dumpSas()).isEmpty();
  }

  @Test
  void foreignWidePoliciesTakePartInTraffic() {
    Policy wide =
        new Policy(
            new PolicyId(
                new TrafficSelector(ip("10.0.0.0"), 8, ip("10.0.0.0"), 8, 0), PolicyDirection.IN),
            5,
            PolicyTemplate.espTransport(A, B, 7));
    b.seedForeignPolicy(wide);

    assertThat(network.send(A, B, 100)).isEqualTo(Delivery.dropped("XfrmInTmplMismatch"));
    assertThat(b.dumpPolicies()).isEmpty();
  }

  @Test
  void packetsToAnUnknownNodeHaveNoRoute() {
    assertThat(network.send(A, ip("10.9.9.9"), 100))
        .isEqualTo(Delivery.dropped(SimulatedNetwork.NO_ROUTE));
  }

  @Test
  void allPairsTrafficIsCountedPerOutcome() {
    network.node(ip("10.0.0.3"));
    encryptAtoB(key, key);

    TrafficReport report = network.sendBetweenAll(List.of(A, B, ip("10.0.0.3")), 100);

    assertThat(report.sent()).isEqualTo(6);
    assertThat(report.encrypted()).isEqualTo(1);
    assertThat(report.plaintext()).isEqualTo(5);
    assertThat(report.lost()).isZero();
  }

  private void encryptAtoB(SecretBytes senderKey, SecretBytes receiverKey) {
    b.apply(List.of(new AddSa(DataplaneFixtures.sa(A, B, SPI, OwnedReqids.INBOUND, receiverKey))));
    a.apply(
        List.of(
            new AddSa(DataplaneFixtures.sa(A, B, SPI, REQID, senderKey)),
            new AddPolicy(DataplaneFixtures.outPolicy(A, B, REQID))));
  }
}
