package io.secureoverlay.agent.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HashMixTest {

  /** Addresses as a cluster hands them out: consecutive hosts in a few /24s. */
  private static List<InetAddress> underlays(int count) throws UnknownHostException {
    List<InetAddress> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(
          InetAddress.getByAddress(new byte[] {10, 20, (byte) (i / 250), (byte) (i % 250 + 1)}));
    }
    return out;
  }

  /**
   * The most keys that share one bucket of a HashMap table twice the key count, as HashMap picks
   * it.
   */
  private static int fullestBucket(List<?> keys) {
    int table = Integer.highestOneBit(keys.size() * 2);
    Map<Integer, Integer> counts = new HashMap<>();
    for (Object k : keys) {
      int h = k.hashCode();
      counts.merge((h ^ (h >>> 16)) & (table - 1), 1, Integer::sum);
    }
    return counts.values().stream().max(Integer::compare).orElse(0);
  }

  @Test
  void identitiesTowardAThousandPeersSpreadOverTheTable() throws UnknownHostException {
    List<InetAddress> peers = underlays(1000);
    InetAddress self = peers.get(500);
    List<SaId> outbound = new ArrayList<>();
    List<PolicyId> policies = new ArrayList<>();
    for (InetAddress peer : peers) {
      outbound.add(SaId.esp(peer, 0x1000_0000 | 500));
      policies.add(new PolicyId(TrafficSelector.ipip(self, peer), PolicyDirection.OUT));
      policies.add(new PolicyId(TrafficSelector.ipip(peer, self), PolicyDirection.IN));
    }
    // HashMap turns a bin of 8 into a tree; a good spread keeps every bin far below that.
    assertThat(fullestBucket(outbound)).isLessThanOrEqualTo(6);
    assertThat(fullestBucket(policies)).isLessThanOrEqualTo(6);
  }

  @Test
  void equalIdentitiesHashAlikeAndOrderMatters() throws UnknownHostException {
    InetAddress a = InetAddress.getByAddress(new byte[] {10, 0, 0, 1});
    InetAddress b = InetAddress.getByAddress(new byte[] {10, 0, 0, 2});
    assertThat(SaId.esp(a, 7).hashCode())
        .isEqualTo(SaId.esp(InetAddress.getByAddress(new byte[] {10, 0, 0, 1}), 7).hashCode());
    assertThat(TrafficSelector.ipip(a, b).hashCode())
        .isNotEqualTo(TrafficSelector.ipip(b, a).hashCode());
    assertThat(HashMix.of(1, 2)).isNotEqualTo(HashMix.of(2, 1));
  }
}
