package io.secureoverlay.agent.dataplane;

import static io.secureoverlay.agent.dataplane.DataplaneFixtures.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SaTemplateIndexTest {

  private static final InetAddress SELF = ip("192.0.2.1");
  private static final int REQID = OwnedReqids.outbound(1);

  private final SecretBytes key = DataplaneFixtures.key(Cipher.AES_GCM_128, 7);
  private final SaTemplateIndex index = new SaTemplateIndex();
  // Each SA its own SPI, above the reserved range.
  private int nextSpi = 0x1000;

  @AfterEach
  void zeroKey() {
    key.close();
  }

  @Test
  void theNewestOfSeveralSasForOneTemplateWinsUntilItIsRemoved() {
    InetAddress peer = ip("192.0.2.2");
    SimulatedSa older = sa(SELF, peer, REQID);
    SimulatedSa newer = sa(SELF, peer, REQID);
    index.add(older);
    index.add(newer);

    assertThat(resolve(SELF, peer, REQID)).isSameAs(newer);
    index.remove(newer);
    assertThat(resolve(SELF, peer, REQID)).isSameAs(older);
    index.remove(older);
    assertThat(resolve(SELF, peer, REQID)).isNull();
    assertThat(index.templates()).isZero();
  }

  @Test
  void anSaResolvesOnlyForItsOwnDestinationSourceAndReqid() {
    InetAddress peer = ip("192.0.2.2");
    index.add(sa(SELF, peer, REQID));

    assertThat(resolve(SELF, peer, REQID)).isNotNull();
    assertThat(resolve(peer, SELF, REQID)).as("the other direction").isNull();
    assertThat(resolve(SELF, peer, OwnedReqids.outbound(2))).as("another reqid").isNull();
    assertThat(resolve(SELF, ip("192.0.2.3"), REQID)).as("another peer").isNull();
  }

  /**
   * Thousands of random adds and removes over few addresses and reqids (so probe runs are long,
   * replacements frequent, and the table grows and shrinks): after each step every template
   * resolves to exactly what a plain map of lists, oldest first, says.
   */
  @Test
  void agreesWithAMapOfListsUnderChurn() {
    Random random = new Random(20261126L);
    List<InetAddress> addresses = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      addresses.add(ip("100.64.0." + i));
    }
    int[] reqids = {OwnedReqids.INBOUND, OwnedReqids.outbound(0), OwnedReqids.outbound(1)};
    Map<String, List<SimulatedSa>> reference = new LinkedHashMap<>();
    List<SimulatedSa> installed = new ArrayList<>();
    for (int step = 0; step < 6_000; step++) {
      // Grow for the first half, then mostly shrink, so both resizes happen.
      boolean add = installed.isEmpty() || random.nextInt(100) < (step < 3_000 ? 70 : 25);
      if (add) {
        InetAddress src = addresses.get(random.nextInt(3));
        InetAddress dst = addresses.get(random.nextInt(addresses.size()));
        SimulatedSa sa = sa(src, dst, reqids[random.nextInt(reqids.length)]);
        index.add(sa);
        installed.add(sa);
        reference.computeIfAbsent(templateOf(sa), k -> new ArrayList<>()).add(sa);
      } else {
        SimulatedSa sa = installed.remove(random.nextInt(installed.size()));
        index.remove(sa);
        List<SimulatedSa> list = reference.get(templateOf(sa));
        list.remove(sa);
        if (list.isEmpty()) {
          reference.remove(templateOf(sa));
        }
      }
      if (step % 50 == 0 || step > 5_900) {
        for (InetAddress src : addresses.subList(0, 3)) {
          for (InetAddress dst : addresses) {
            for (int reqid : reqids) {
              List<SimulatedSa> want = reference.get(templateOf(dst, src, reqid));
              assertThat(resolve(src, dst, reqid))
                  .as("step %d: %s -> %s reqid %x", step, src, dst, reqid)
                  .isSameAs(want == null ? null : want.get(want.size() - 1));
            }
          }
        }
        assertThat(index.templates()).as("step %d", step).isEqualTo(reference.size());
      }
    }
  }

  private SimulatedSa resolve(InetAddress src, InetAddress dst, int reqid) {
    return index.resolve(dst, src, PolicyTemplate.espTransport(src, dst, reqid));
  }

  private SimulatedSa sa(InetAddress src, InetAddress dst, int reqid) {
    return new SimulatedSa(DataplaneFixtures.sa(src, dst, nextSpi++, reqid, key));
  }

  private static String templateOf(SimulatedSa sa) {
    return templateOf(sa.id().destination(), sa.source(), sa.reqid());
  }

  private static String templateOf(InetAddress dst, InetAddress src, int reqid) {
    return dst.getHostAddress() + "<-" + src.getHostAddress() + "/" + reqid;
  }
}
