package io.secureoverlay.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureoverlay.protocol.NodeSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairMatrixTest {

  private static PairState pair(SyntheticCluster cluster, int a, int b) {
    return cluster.model().pairs().state(a, b);
  }

  @Test
  void bothDirectionsEncryptingWithAnAcceptedEpochIsEncryptedBothWays() {
    SyntheticCluster cluster = SyntheticCluster.encrypted(3);

    assertThat(pair(cluster, 0, 1)).isEqualTo(PairState.ENCRYPTED_BOTH_WAYS);
    assertThat(cluster.model().pairs().count(PairState.ENCRYPTED_BOTH_WAYS)).isEqualTo(3);
  }

  @Test
  void onlyOneDirectionEncryptingIsOneWay() {
    SyntheticCluster base = SyntheticCluster.encrypted(3);
    SyntheticCluster cluster = base.edit(0, s -> s.setEncryptingTo(base.indices(2)));

    assertThat(pair(cluster, 0, 1)).isEqualTo(PairState.ONE_WAY);
    assertThat(pair(cluster, 1, 0)).isEqualTo(PairState.ONE_WAY);
    assertThat(pair(cluster, 0, 2)).isEqualTo(PairState.ENCRYPTED_BOTH_WAYS);
  }

  @Test
  void neitherDirectionEncryptingIsPlaintext() {
    SyntheticCluster cluster =
        SyntheticCluster.encrypted(2)
            .edit(0, s -> s.setEncryptingTo(NodeSet.empty()))
            .edit(1, s -> s.setEncryptingTo(NodeSet.empty()));

    assertThat(pair(cluster, 0, 1)).isEqualTo(PairState.PLAINTEXT);
  }

  @Test
  void espWithAnEpochTheReceiverHasNoInboundSaForIsBroken() {
    SyntheticCluster cluster =
        SyntheticCluster.encrypted(3)
            .edit(
                0,
                s -> {
                  s.setOutboundEpoch(2L);
                  s.setInboundEpochs(List.of(1L, 2L));
                })
            .edit(1, s -> s.setInboundEpochs(List.of(1L, 2L)));

    // node-001 has epoch 2 inbound; node-002 does not: it drops what node-000 sends.
    assertThat(pair(cluster, 0, 1)).isEqualTo(PairState.ENCRYPTED_BOTH_WAYS);
    assertThat(pair(cluster, 0, 2)).isEqualTo(PairState.BROKEN);
    assertThat(pair(cluster, 2, 0)).isEqualTo(PairState.BROKEN);
  }

  @Test
  void enforcingFromASenderThatSendsPlaintextIsBroken() {
    SyntheticCluster base = SyntheticCluster.encrypted(3);
    SyntheticCluster cluster =
        base.edit(0, s -> s.setEncryptingTo(base.indices(2)))
            .edit(1, s -> s.setEnforcingFrom(base.indices(0, 2)));

    // node-001 requires ESP from node-000, which sends it plaintext: dropped.
    assertThat(pair(cluster, 0, 1)).isEqualTo(PairState.BROKEN);
    // node-001 also requires ESP from node-002, which does send ESP: fine.
    assertThat(pair(cluster, 1, 2)).isEqualTo(PairState.ENCRYPTED_BOTH_WAYS);
  }

  @Test
  void enforcingFromANodeThatNeverReportedIsBroken() {
    SyntheticCluster base = SyntheticCluster.encrypted(3);
    SyntheticCluster cluster =
        base.withoutReport(2).edit(0, s -> s.setEnforcingFrom(base.indices(2)));

    assertThat(pair(cluster, 0, 2)).isEqualTo(PairState.BROKEN);
    // Toward the silent node ESP is not judged broken: nobody knows what it accepts.
    assertThat(pair(cluster, 1, 2)).isEqualTo(PairState.ONE_WAY);
  }

  @Test
  void aNodeHasNoPairWithItself() {
    PairMatrix pairs = SyntheticCluster.encrypted(2).model().pairs();

    assertThatThrownBy(() -> pairs.state(1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("itself");
  }

  @Test
  void aThousandNodeClusterCountsEveryPairOnce() {
    // 0..996 encrypt to everyone but node-997; node-997 encrypts to nobody and nobody to it;
    // node-998 receives ESP but sends plaintext; node-999 sends ESP with epoch 2, which nobody
    // else has installed inbound.
    SyntheticCluster base = SyntheticCluster.encrypted(1000);
    for (int p = 0; p <= 996; p++) {
      int self = p;
      base.edit(p, s -> s.setEncryptingTo(base.allBut(self, 997)));
    }
    base.edit(997, s -> s.setEncryptingTo(NodeSet.empty()))
        .edit(998, s -> s.setEncryptingTo(NodeSet.empty()))
        .edit(
            999,
            s -> {
              s.setOutboundEpoch(2L);
              s.setInboundEpochs(List.of(1L, 2L));
            });

    TopologyModel model = base.model();

    PairMatrix pairs = model.pairs();
    assertThat(pairs.pairs()).isEqualTo(499_500);
    assertThat(pairs.count(PairState.ENCRYPTED_BOTH_WAYS)).isEqualTo(997L * 996 / 2);
    assertThat(pairs.count(PairState.PLAINTEXT)).isEqualTo(997 + 1);
    assertThat(pairs.count(PairState.ONE_WAY)).isEqualTo(997);
    assertThat(pairs.count(PairState.BROKEN)).isEqualTo(999);
    assertThat(pairs.state(997, 998)).isEqualTo(PairState.PLAINTEXT);
    assertThat(pairs.state(10, 998)).isEqualTo(PairState.ONE_WAY);
    assertThat(pairs.state(999, 3)).isEqualTo(PairState.BROKEN);
    assertThat(model.pairCountsSummary())
        .isEqualTo(
            "496,506 pairs encrypted both ways, 997 encrypted one way only, 998 plaintext,"
                + " 999 broken");
  }
}
