package io.secureoverlay.agent.xfrm.client;

import static io.secureoverlay.agent.xfrm.client.TestStates.A;
import static io.secureoverlay.agent.xfrm.client.TestStates.B;
import static io.secureoverlay.agent.xfrm.client.TestStates.ip;
import static io.secureoverlay.agent.xfrm.client.TestStates.policy;
import static io.secureoverlay.agent.xfrm.client.TestStates.sa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureoverlay.agent.netlink.Errno;
import io.secureoverlay.agent.netlink.ErrnoException;
import io.secureoverlay.agent.netlink.LabNamespace;
import io.secureoverlay.agent.netlink.NetlinkSocketOptions;
import io.secureoverlay.agent.netlink.NetworkNamespace;
import io.secureoverlay.agent.netlink.RequestResult;
import io.secureoverlay.agent.xfrm.AddressFamily;
import io.secureoverlay.agent.xfrm.XfrmDirection;
import io.secureoverlay.agent.xfrm.XfrmLifetimeConfig;
import io.secureoverlay.agent.xfrm.XfrmOperation;
import io.secureoverlay.agent.xfrm.XfrmOwnership;
import io.secureoverlay.agent.xfrm.XfrmPolicy;
import io.secureoverlay.agent.xfrm.XfrmPolicyEntry;
import io.secureoverlay.agent.xfrm.XfrmProto;
import io.secureoverlay.agent.xfrm.XfrmReplayConfig;
import io.secureoverlay.agent.xfrm.XfrmSelector;
import io.secureoverlay.agent.xfrm.XfrmState;
import io.secureoverlay.agent.xfrm.XfrmStateEntry;
import io.secureoverlay.agent.xfrm.XfrmTemplate;
import io.secureoverlay.model.IcvLength;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The XFRM client against a real kernel (the lab's 6.1), each test in a fresh namespace. */
class XfrmClientIT {

  private LabNamespace lab;
  private NetworkNamespace ns;
  private XfrmClient client;

  @BeforeEach
  void openNamespace() {
    lab = LabNamespace.create("xfrm-it");
    ns = lab.open();
    client = XfrmClient.open(ns);
  }

  @AfterEach
  void closeNamespace() {
    client.close();
    ns.close();
    lab.close();
  }

  @Test
  void addsGetsDumpsUpdatesAndDeletesSasForEveryKeySizeAndIcv() {
    int spi = 0x5ec01000;
    List<XfrmState> added = new ArrayList<>();
    for (int keyBytes : new int[] {16, 32}) {
      for (IcvLength icv : IcvLength.values()) {
        XfrmState state = sa(A, B, ++spi, spi & 0xff, keyBytes, icv);
        client.addState(state);
        added.add(state);
      }
    }
    for (XfrmState state : added) {
      XfrmStateEntry got = client.getState(state.key()).orElseThrow();
      assertThat(got.matches(state)).as("kernel copy of %s", state.id()).isTrue();
      assertThat(got.aead().orElseThrow().icvBits()).isEqualTo(state.aead().icv().bits());
    }
    assertThat(client.ownedStates()).hasSize(6).allMatch(e -> added.stream().anyMatch(e::matches));
    String ipView = lab.ip("xfrm", "state");
    assertThat(ipView).contains("rfc4106(gcm(aes))", "spi 0x5ec01001", "spi 0x5ec01006");

    XfrmState limited =
        added.get(0).withLifetime(XfrmLifetimeConfig.limits(1_000_000, 2_000_000, 1000, 2000));
    client.updateState(limited);
    assertThat(client.getState(limited.key()).orElseThrow().lifetime())
        .isEqualTo(limited.lifetime());

    for (XfrmState state : added) {
      client.deleteState(state.key());
    }
    for (XfrmState state : added) {
      assertThat(client.getState(state.key())).isEmpty();
    }
    assertThat(client.states()).isEmpty();
    assertThat(lab.ip("xfrm", "state")).isBlank();
  }

  @Test
  void esnStateReportsItsReplayWindowAndLegacyOneItsOwn() {
    XfrmState esn =
        sa(A, B, 0x5ec02001, 1, 16, IcvLength.ICV_64).withReplay(new XfrmReplayConfig(128, true));
    XfrmState legacy =
        sa(B, A, 0x5ec02002, 2, 16, IcvLength.ICV_64).withReplay(new XfrmReplayConfig(32, false));
    client.addState(esn);
    client.addState(legacy);
    XfrmStateEntry gotEsn = client.getState(esn.key()).orElseThrow();
    XfrmStateEntry gotLegacy = client.getState(legacy.key()).orElseThrow();
    assertThat(gotEsn.matches(esn)).isTrue();
    assertThat(gotEsn.replay()).isEqualTo(new XfrmReplayConfig(128, true));
    assertThat(gotEsn.replayState()).hasValueSatisfying(r -> assertThat(r.window()).isEqualTo(128));
    assertThat(gotLegacy.matches(legacy)).isTrue();
    assertThat(gotLegacy.replayState()).isPresent();
  }

  @Test
  void addsUpdatesAndDeletesPoliciesWithTemplates() {
    XfrmPolicy out = policy(A, B, XfrmDirection.OUT, XfrmOwnership.reqid(1));
    XfrmPolicy in = policy(B, A, XfrmDirection.IN, XfrmOwnership.reqid(2));
    client.addPolicy(out);
    client.addPolicy(in);
    assertThat(client.ownedPolicies()).hasSize(2);
    assertThat(client.getPolicy(out.id()).orElseThrow().matches(out)).isTrue();
    assertThat(lab.ip("xfrm", "policy")).contains("dir out priority 100", "reqid 1589641217");

    XfrmPolicy switched =
        out.withTemplates(
            List.of(
                XfrmTemplate.transport(XfrmProto.ESP, XfrmOwnership.reqid(3), AddressFamily.INET)));
    client.updatePolicy(switched);
    XfrmPolicyEntry got = client.getPolicy(out.id()).orElseThrow();
    assertThat(got.matches(switched)).isTrue();
    assertThat(got.policy().templates().get(0).reqid()).isEqualTo(XfrmOwnership.reqid(3));
    assertThat(client.policies()).hasSize(2);

    client.deletePolicy(out.id());
    client.deletePolicy(in.id());
    assertThat(client.getPolicy(out.id())).isEmpty();
    assertThat(client.policies()).isEmpty();
  }

  @Test
  void duplicatesAndMissingEntriesComeBackAsTypedErrno() {
    XfrmState state = sa(A, B, 0x5ec03001, 1, 16, IcvLength.ICV_64);
    client.addState(state);
    assertThatThrownBy(() -> client.addState(state))
        .isInstanceOfSatisfying(
            ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
    client.deleteState(state.key());
    assertThatThrownBy(() -> client.deleteState(state.key()))
        .isInstanceOfSatisfying(
            ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ESRCH));
    assertThatThrownBy(() -> client.updateState(state))
        .isInstanceOfSatisfying(
            ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ESRCH));

    XfrmPolicy out = policy(A, B, XfrmDirection.OUT, XfrmOwnership.reqid(1));
    client.addPolicy(out);
    assertThatThrownBy(() -> client.addPolicy(out))
        .isInstanceOfSatisfying(
            ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
    client.deletePolicy(out.id());
    assertThatThrownBy(() -> client.deletePolicy(out.id()))
        .isInstanceOfSatisfying(
            ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
  }

  @Test
  void aBatchWithOneBadRequestReportsThatOneAndAppliesTheOthers() {
    XfrmState first = sa(A, B, 0x5ec04001, 1, 16, IcvLength.ICV_64);
    XfrmState third = sa(B, A, 0x5ec04003, 3, 32, IcvLength.ICV_128);
    XfrmPolicy out = policy(A, B, XfrmDirection.OUT, XfrmOwnership.reqid(1));
    List<RequestResult> results =
        client.apply(
            List.of(
                new XfrmOperation.AddState(first),
                new XfrmOperation.AddState(first), // duplicate: EEXIST
                new XfrmOperation.AddState(third),
                new XfrmOperation.DeletePolicy(out.id()), // not there: ENOENT
                new XfrmOperation.AddPolicy(out)));
    assertThat(results).extracting(RequestResult::index).containsExactly(0, 1, 2, 3, 4);
    assertThat(results.get(0).ok()).isTrue();
    assertThat(results.get(1).errno()).contains(Errno.EEXIST);
    assertThat(results.get(2).ok()).isTrue();
    assertThat(results.get(3).errno()).contains(Errno.ENOENT);
    assertThat(results.get(4).ok()).isTrue();
    assertThat(client.getState(first.key())).isPresent();
    assertThat(client.getState(third.key())).isPresent();
    assertThat(client.getPolicy(out.id())).isPresent();
  }

  @Test
  void aBatchBeyondTheReceiveBufferIsSplitAndEveryRequestAcked() {
    try (XfrmClient small =
        XfrmClient.open(ns, new NetlinkSocketOptions(64 * 1024, false, Duration.ofSeconds(5)))) {
      int count = 1500;
      assertThat(small.maxBatchMessages()).isLessThan(count);
      List<XfrmOperation> adds = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        InetAddress src = ip("10.1." + (i / 250) + "." + (i % 250 + 1));
        adds.add(
            new XfrmOperation.AddPolicy(policy(src, B, XfrmDirection.OUT, XfrmOwnership.reqid(i))));
      }
      assertThat(small.apply(adds)).hasSize(count).allMatch(RequestResult::ok);
      assertThat(small.ownedPolicies()).hasSize(count);
      List<XfrmOperation> deletes =
          adds.stream()
              .map(
                  op ->
                      (XfrmOperation)
                          new XfrmOperation.DeletePolicy(
                              ((XfrmOperation.AddPolicy) op).policy().id()))
              .toList();
      assertThat(small.apply(deletes)).hasSize(count).allMatch(RequestResult::ok);
      assertThat(small.policies()).isEmpty();
    }
  }

  @Test
  void foreignEntriesSurviveEverythingAndAreNeverOwned() {
    lab.ip(
        "xfrm",
        "state",
        "add",
        "src",
        "192.0.2.11",
        "dst",
        "192.0.2.12",
        "proto",
        "esp",
        "spi",
        "0x777",
        "reqid",
        "7",
        "mode",
        "transport",
        "aead",
        "rfc4106(gcm(aes))",
        "0x000102030405060708090a0b0c0d0e0f73616c74",
        "64",
        "sel",
        "src",
        "192.0.2.11",
        "dst",
        "192.0.2.12",
        "proto",
        "4");
    lab.ip(
        "xfrm",
        "policy",
        "add",
        "src",
        "10.9.9.9/32",
        "dst",
        "192.0.2.12/32",
        "dir",
        "out",
        "tmpl",
        "proto",
        "esp",
        "reqid",
        "7",
        "mode",
        "transport");

    XfrmState ours = sa(A, B, 0x5ec05001, 1, 16, IcvLength.ICV_96);
    XfrmPolicy out = policy(A, B, XfrmDirection.OUT, XfrmOwnership.reqid(1));
    client.addState(ours);
    client.addPolicy(out);
    client.updateState(ours.withLifetime(XfrmLifetimeConfig.limits(10, 20, 1, 2)));
    client.updatePolicy(out.withPriority(200));
    for (XfrmStateEntry e : client.ownedStates()) {
      client.deleteState(e.key());
    }
    for (XfrmPolicyEntry p : client.ownedPolicies()) {
      client.deletePolicy(p.policy().id());
    }

    assertThat(client.ownedStates()).isEmpty();
    assertThat(client.ownedPolicies()).isEmpty();
    assertThat(client.states())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.reqid()).isEqualTo(7);
              assertThat(e.id().spi()).isEqualTo(0x777);
            });
    assertThat(client.policies())
        .singleElement()
        .satisfies(p -> assertThat(p.policy().selector().source()).isEqualTo(ip("10.9.9.9")));
    assertThat(lab.ip("xfrm", "state")).contains("spi 0x00000777");
    assertThat(lab.ip("xfrm", "policy")).contains("10.9.9.9");
  }

  @Test
  void aSocketWorksOnTheNamespaceItWasOpenedIn() {
    try (LabNamespace other = LabNamespace.create("xfrm-other");
        NetworkNamespace otherNs = other.open();
        XfrmClient otherClient = XfrmClient.open(otherNs)) {
      client.addState(sa(A, B, 0x5ec06001, 1, 16, IcvLength.ICV_64));
      assertThat(client.states()).hasSize(1);
      assertThat(otherClient.states()).isEmpty();
      assertThat(other.ip("xfrm", "state")).isBlank();
    }
  }

  @Test
  void selectorsWithPortsAndIpv6RoundTripThroughTheKernel() {
    InetAddress a6 = ip("2001:db8::11");
    InetAddress b6 = ip("2001:db8::12");
    XfrmPolicy v6 =
        XfrmPolicy.allow(
            new XfrmSelector(b6, 128, a6, 128, 17, 4500, 0xffff, 0, 0, 0, 0),
            XfrmDirection.OUT,
            5,
            List.of(
                XfrmTemplate.transport(
                    XfrmProto.ESP, XfrmOwnership.reqid(9), AddressFamily.INET6)));
    client.addPolicy(v6);
    assertThat(client.getPolicy(v6.id()).orElseThrow().matches(v6)).isTrue();
  }
}
