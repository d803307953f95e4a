package io.secureoverlay.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.secureoverlay.protocol.ConditionStatus;
import io.secureoverlay.protocol.KeysSecretCodec;
import io.secureoverlay.protocol.OverlayPhase;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.SecureOverlaySpec;
import io.secureoverlay.protocol.SecureOverlayStatus;
import io.secureoverlay.protocol.StatusCondition;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The master against the fabric8 mock API server: plan, Secret, events, refusals. */
@EnableKubernetesMockClient(crud = true)
class MasterControllerMockTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private KubernetesClient client;
  private MockCluster cluster;
  private final List<MasterController> masters = new ArrayList<>();

  @BeforeEach
  void cluster() {
    cluster = new MockCluster(client);
    cluster.installCrds();
    cluster.addNodes(3);
  }

  @AfterEach
  void stop() {
    masters.forEach(MasterController::close);
  }

  @Test
  void enablingCreatesTheSecretWritesThePlanAndEmitsEvents() {
    SecureOverlaySpec spec = new SecureOverlaySpec();
    spec.setEnabled(true);
    cluster.createOverlay(spec);
    start("master-a");

    await().atMost(WAIT).until(() -> step("InstallInbound"));
    Secret secret = keysSecret();
    assertThat(secret).isNotNull();
    assertThat(new KeysSecretCodec().decode(secret).epochs()).containsExactly(1L);
    SecureOverlayStatus status = cluster.status();
    assertThat(status.getNodes()).hasSize(3);
    assertThat(status.getEpochs())
        .singleElement()
        .satisfies(e -> assertThat(e.number()).isEqualTo(1));

    await()
        .atMost(WAIT)
        .until(
            () -> {
              cluster.acknowledgeAll();
              return cluster.status().getPhase() == OverlayPhase.ENABLED;
            });
    assertThat(cluster.status().getOutboundEpoch()).isEqualTo(1);
    StatusCondition ready = condition(StatusCondition.READY);
    assertThat(ready.status()).isEqualTo(ConditionStatus.TRUE);
    assertThat(ready.observedGeneration())
        .isEqualTo(cluster.overlay().getMetadata().getGeneration());
    await()
        .atMost(WAIT)
        .until(() -> reasons().containsAll(List.of("EnableStarted", "EnableCompleted")));
    Event started =
        cluster.events().stream()
            .filter(e -> e.getReason().equals("EnableStarted"))
            .findFirst()
            .orElseThrow();
    assertThat(started.getInvolvedObject().getKind()).isEqualTo("SecureOverlay");
    assertThat(started.getInvolvedObject().getName()).isEqualTo("default");
    assertThat(started.getType()).isEqualTo("Normal");
    assertThat(started.getReportingInstance()).isEqualTo("master-a");
    assertNoKeyMaterialIn(cluster.events(), secret);
  }

  @Test
  void anInvalidSpecIsRefusedWithAConditionAndAnEventAndNoPlanChange() {
    cluster.createOverlay(new SecureOverlaySpec());
    start("master-a");
    await()
        .atMost(WAIT)
        .until(() -> cluster.status() != null && cluster.status().getPlanRevision() != null);
    cluster.acknowledgeAll();
    long revision = cluster.status().getPlanRevision();

    cluster.editSpec(
        s -> {
          s.setEnabled(true);
          s.setRotationInterval("1m");
        });

    await().atMost(WAIT).until(() -> cluster.status().getPhase() == OverlayPhase.DEGRADED);
    StatusCondition degraded = condition(StatusCondition.DEGRADED);
    assertThat(degraded.reason()).isEqualTo("InvalidSpec");
    assertThat(degraded.message()).contains("spec.rotationInterval", "'1m' is too short");
    await().atMost(WAIT).until(() -> reasons().contains("InvalidSpec"));
    Event refused =
        cluster.events().stream()
            .filter(e -> e.getReason().equals("InvalidSpec"))
            .findFirst()
            .orElseThrow();
    assertThat(refused.getType()).isEqualTo("Warning");
    assertThat(refused.getMessage()).contains("spec.rotationInterval");
    assertThat(cluster.status().getPlanRevision()).isEqualTo(revision);
    assertThat(cluster.status().getEpochs()).isEmpty();
    assertThat(keysSecret()).as("nothing created for a refused spec").isNull();
  }

  @Test
  void aMalformedKeysSecretIsRefusedNamingTheField() {
    SecureOverlaySpec spec = new SecureOverlaySpec();
    spec.setEnabled(true);
    cluster.createOverlay(spec);
    start("master-a");
    await()
        .atMost(WAIT)
        .until(
            () -> {
              cluster.acknowledgeAll();
              return cluster.status() != null
                  && cluster.status().getPhase() == OverlayPhase.ENABLED;
            });
    long revision = cluster.status().getPlanRevision();

    client
        .secrets()
        .inNamespace(MockCluster.NAMESPACE)
        .withName(KeysSecretCodec.SECRET_NAME)
        .edit(
            s -> {
              s.getData().put("epoch-1", java.util.Base64.getEncoder().encodeToString(new byte[7]));
              return s;
            });

    await().atMost(WAIT).until(() -> cluster.status().getPhase() == OverlayPhase.DEGRADED);
    StatusCondition degraded = condition(StatusCondition.DEGRADED);
    assertThat(degraded.reason()).isEqualTo("KeysSecretInvalid");
    assertThat(degraded.message()).contains("data.epoch-1", "7 bytes, expected 32");
    assertThat(cluster.status().getPlanRevision()).isEqualTo(revision);
    await().atMost(WAIT).until(() -> reasons().contains("KeysSecretInvalid"));
  }

  @Test
  void withTwoReplicasOnlyTheLeaderWritesAndTheOtherTakesOver() {
    SecureOverlaySpec spec = new SecureOverlaySpec();
    spec.setEnabled(true);
    cluster.createOverlay(spec);
    MasterController a = start("master-a");
    MasterController b = start("master-b");

    await().atMost(WAIT).until(() -> a.isLeader() ^ b.isLeader());
    MasterController leader = a.isLeader() ? a : b;
    MasterController standby = leader == a ? b : a;
    String leaderName = leader == a ? "master-a" : "master-b";
    await().atMost(WAIT).until(() -> step("InstallInbound"));
    assertThat(standby.isLeader()).isFalse();
    await().atMost(WAIT).until(() -> !cluster.events().isEmpty());
    assertThat(cluster.events()).allMatch(e -> leaderName.equals(e.getReportingInstance()));

    leader.close();
    await().atMost(WAIT).until(standby::isLeader);
    await()
        .atMost(WAIT)
        .until(
            () -> {
              cluster.acknowledgeAll();
              return cluster.status().getPhase() == OverlayPhase.ENABLED;
            });
    assertThat(cluster.status().getLastEpoch()).as("resumed, not started over").isEqualTo(1);
  }

  /** One status write as a watcher saw it. */
  private record StatusWrite(long atNanos, String step, String readyNodes) {}

  @Test
  void progressCountsGoOutAtMostOncePerIntervalAndNoneIsLost() throws Exception {
    SecureOverlaySpec spec = new SecureOverlaySpec();
    spec.setEnabled(true);
    cluster.createOverlay(spec);
    start("master-a");
    await().atMost(WAIT).until(() -> step("InstallInbound"));

    List<StatusWrite> writes = new CopyOnWriteArrayList<>();
    try (Watch watch =
        client
            .resources(SecureOverlay.class)
            .withName(SecureOverlay.SINGLETON_NAME)
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, SecureOverlay o) {
                    if (action == Action.MODIFIED && o.getStatus() != null) {
                      writes.add(
                          new StatusWrite(
                              System.nanoTime(),
                              o.getStatus().getTransition() == null
                                  ? null
                                  : o.getStatus().getTransition().step(),
                              o.getStatus().getReadyNodes()));
                    }
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                })) {
      // Acknowledgements arriving faster than the master's minimum write interval allows.
      cluster.acknowledge("node-1");
      Thread.sleep(150);
      cluster.acknowledge("node-2");

      await().atMost(WAIT).until(() -> "2/3".equals(cluster.status().getReadyNodes()));
      assertThat(step("InstallInbound")).as("the step waits for node-3").isTrue();
      await().atMost(WAIT).until(() -> writes.stream().anyMatch(w -> "2/3".equals(w.readyNodes())));
    }
    List<StatusWrite> progress =
        writes.stream().filter(w -> "InstallInbound".equals(w.step())).toList();
    assertThat(progress).extracting(StatusWrite::readyNodes).contains("2/3");
    for (int i = 1; i < progress.size(); i++) {
      long gapMillis = (progress.get(i).atNanos() - progress.get(i - 1).atNanos()) / 1_000_000;
      assertThat(gapMillis)
          .as("gap between progress writes %s and %s", progress.get(i - 1), progress.get(i))
          .isGreaterThanOrEqualTo(MasterController.PROGRESS_WRITE_INTERVAL.toMillis() * 8 / 10);
    }

    cluster.acknowledgeAll();
    await().atMost(WAIT).until(() -> !step("InstallInbound"));
  }

  private MasterController start(String identity) {
    MasterController m =
        new MasterController(client, MockCluster.fastSettings(identity), Clock.systemUTC());
    masters.add(m);
    m.start();
    return m;
  }

  private boolean step(String name) {
    SecureOverlayStatus s = cluster.status();
    return s != null && s.getTransition() != null && name.equals(s.getTransition().step());
  }

  private Secret keysSecret() {
    return client
        .secrets()
        .inNamespace(MockCluster.NAMESPACE)
        .withName(KeysSecretCodec.SECRET_NAME)
        .get();
  }

  private StatusCondition condition(String type) {
    return cluster.status().getConditions().stream()
        .filter(c -> c.type().equals(type))
        .findFirst()
        .orElseThrow();
  }

  private List<String> reasons() {
    return cluster.events().stream().map(Event::getReason).toList();
  }

  private static void assertNoKeyMaterialIn(List<Event> events, Secret secret) {
    for (String key : secret.getData().keySet()) {
      if (key.startsWith(KeysSecretCodec.EPOCH_PREFIX)) {
        String value = secret.getData().get(key);
        assertThat(events).noneMatch(e -> e.getMessage().contains(value));
      }
    }
  }
}
