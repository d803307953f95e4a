package io.secureoverlay.agent.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.secureoverlay.agent.dataplane.ChangeResult;
import io.secureoverlay.agent.dataplane.Dataplane;
import io.secureoverlay.agent.dataplane.DataplaneChange;
import io.secureoverlay.agent.dataplane.Policy;
import io.secureoverlay.agent.dataplane.PolicyId;
import io.secureoverlay.agent.dataplane.SaId;
import io.secureoverlay.agent.dataplane.SaState;
import io.secureoverlay.agent.dataplane.SimulatedDataplane;
import io.secureoverlay.agent.reconcile.DesiredXfrmBuilder;
import io.secureoverlay.agent.reconcile.NodeReconciler;
import io.secureoverlay.crypto.PairKeyDeriver;
import io.secureoverlay.protocol.KeysSecretCodec;
import io.secureoverlay.protocol.MemberState;
import io.secureoverlay.protocol.NodeSet;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.SecureOverlayNode;
import io.secureoverlay.protocol.SecureOverlayNodeStatus;
import io.secureoverlay.spi.SpiAllocator;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One agent in Kubernetes mode against fabric8's mock API server (CRUD mode), with the plan written
 * by hand the way the master writes it.
 */
@EnableKubernetesMockClient(crud = true)
class KubeModeAgentMockTest {

  private KubernetesMockServer server;
  private KubernetesClient client;

  private final SimulatedDataplane dataplane = new SimulatedDataplane();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final PlanFixtures plan = new PlanFixtures(3);
  private InformerClusterView view;
  private KubeModeAgent agent;

  @BeforeEach
  void cluster() throws Exception {
    for (String name : List.of(SecureOverlay.CRD_NAME, SecureOverlayNode.CRD_NAME)) {
      try (InputStream in =
          getClass().getClassLoader().getResourceAsStream("META-INF/fabric8/" + name + "-v1.yml")) {
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .resource(new KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class))
            .create();
      }
    }
    for (int i = 1; i <= 3; i++) {
      client.nodes().resource(PlanFixtures.node(i)).create();
    }
    client.secrets().resource(PlanFixtures.keys(1)).create();
    SecureOverlay overlay = plan.overlay();
    overlay.setStatus(null);
    client.resources(SecureOverlay.class).resource(overlay).create();
  }

  @AfterEach
  void stop() {
    if (agent != null) {
      agent.close();
    }
    if (view != null) {
      view.close();
    }
    scheduler.shutdownNow();
  }

  @Test
  void itReportsItselfAndAcknowledgesEachStepWithOneWrite() throws Exception {
    startAgent();
    await().until(() -> report() != null && report().getHeartbeat() != null);
    SecureOverlayNodeStatus first = report();
    assertThat(first.getUnderlayIp()).isEqualTo("192.0.2.1");
    assertThat(first.getInterfaceMtu()).isEqualTo(1500);
    assertThat(first.getTunnelMtu()).isEqualTo(1454);
    assertThat(first.getObservedPlanRevision()).isNull();
    long writesBefore = statusWrites();

    publish(plan.revision(2).epoch(1, NodeSet.empty(), NodeSet.empty()));
    await().until(() -> observed() == 2);
    assertThat(report().getInboundEpochs()).containsExactly(1L);
    assertThat(report().getOutboundEpoch()).isNull();
    assertThat(dataplane.dumpSas()).hasSize(2);

    publish(plan.revision(3).epoch(1, plan.all(), NodeSet.empty()).outbound(1L));
    await().until(() -> observed() == 3);
    assertThat(report().getOutboundEpoch()).isEqualTo(1L);
    assertThat(report().getEncryptingTo()).isEqualTo(NodeSet.of(2, 3));
    assertThat(dataplane.dumpPolicies()).hasSize(2);

    // A revision that needs no acknowledgement is applied without a write of its own.
    publish(plan.revision(4).ackRevision(3));
    await().until(() -> agent.appliedRevision().orElse(0) == 4);
    assertThat(statusWrites() - writesBefore).isEqualTo(2);
    assertThat(observed()).isEqualTo(3);
  }

  @Test
  void theKeysSecretIsOnlyEverReadByName() throws Exception {
    startAgent();
    publish(plan.revision(2).epoch(1, NodeSet.empty(), NodeSet.empty()));
    await().until(() -> observed() == 2);

    List<String> secretPaths = new ArrayList<>();
    RecordedRequest r;
    while ((r = server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
      if (r.getPath().contains("/secrets")) {
        secretPaths.add(r.getMethod() + " " + r.getPath());
      }
    }
    assertThat(secretPaths)
        .filteredOn(p -> p.startsWith("GET"))
        .isNotEmpty()
        .allMatch(
            p ->
                p.contains("fieldSelector=metadata.name%3D" + KeysSecretCodec.SECRET_NAME)
                    || p.contains("/secrets/" + KeysSecretCodec.SECRET_NAME));
  }

  @Test
  void aMalformedSecretChangesNothingAndIsReported() throws Exception {
    startAgent();
    publish(plan.revision(2).epoch(1, plan.all(), NodeSet.empty()).outbound(1L));
    await().until(() -> observed() == 2);
    List<SaState> before = dataplane.dumpSas();

    Secret bad = new SecretBuilder(PlanFixtures.keys(1)).addToData("cipher", "Ym9ndXM=").build();
    client.secrets().resource(bad).update();

    await().until(() -> report().getLastError() != null);
    assertThat(report().getLastError())
        .isEqualTo(
            "keys Secret refused: data.cipher: unknown cipher 'bogus': expected aes-gcm-128, aes-gcm-256");
    assertThat(dataplane.dumpSas()).isEqualTo(before);
    assertThat(observed()).isEqualTo(2);
  }

  @Test
  void removedFromThePlanItRemovesItsStateAndAcknowledges() throws Exception {
    startAgent();
    publish(plan.revision(2).epoch(1, plan.all(), NodeSet.empty()).outbound(1L));
    await().until(() -> observed() == 2);

    publish(plan.revision(3).state(1, MemberState.REMOVED));

    await().until(() -> observed() == 3);
    assertThat(dataplane.allSas()).isEmpty();
    assertThat(dataplane.allPolicies()).isEmpty();
  }

  @Test
  void shutdownOnSigtermKeepsTheDataPlaneAndTheNextAgentAdoptsItUnchanged() throws Exception {
    startAgent();
    publish(plan.revision(2).epoch(1, plan.all(), NodeSet.empty()).outbound(1L));
    await().until(() -> observed() == 2);
    List<SaState> sas = dataplane.allSas();
    List<Policy> policies = dataplane.allPolicies();
    assertThat(sas).hasSize(4);
    assertThat(policies).hasSize(2);

    agent.shutdown();

    assertThat(dataplane.allSas()).isEqualTo(sas);
    assertThat(dataplane.allPolicies()).isEqualTo(policies);

    // The rolling update's new pod: it reads the kernel state back and changes nothing.
    view.close();
    List<DataplaneChange> applied = new ArrayList<>();
    startAgent(recording(applied));
    await().until(() -> agent.progress().inSync() && agent.appliedRevision().orElse(-1) == 2);
    assertThat(applied).isEmpty();
    assertThat(dataplane.allSas()).isEqualTo(sas);
    assertThat(dataplane.allPolicies()).isEqualTo(policies);
  }

  /** The simulated data plane, recording every change applied through it. */
  private Dataplane recording(List<DataplaneChange> applied) {
    return new Dataplane() {
      @Override
      public List<SaState> dumpSas() {
        return dataplane.dumpSas();
      }

      @Override
      public Optional<SaState> getSa(SaId id) {
        return dataplane.getSa(id);
      }

      @Override
      public List<Policy> dumpPolicies() {
        return dataplane.dumpPolicies();
      }

      @Override
      public Optional<Policy> getPolicy(PolicyId id) {
        return dataplane.getPolicy(id);
      }

      @Override
      public List<ChangeResult> apply(List<? extends DataplaneChange> changes) {
        synchronized (applied) {
          applied.addAll(changes);
        }
        return dataplane.apply(changes);
      }
    };
  }

  private void startAgent() {
    startAgent(dataplane);
  }

  private void startAgent(Dataplane dataplane) {
    view = InformerClusterView.forNode(client, "node-1");
    NodeReconciler reconciler =
        new NodeReconciler(
            dataplane,
            new DesiredXfrmBuilder(new PairKeyDeriver(), new SpiAllocator()),
            Clock.systemUTC());
    agent =
        new KubeModeAgent(
            view,
            new KubernetesNodeStatusGateway(client),
            reconciler,
            dataplane,
            KubeAgentSettings.defaults("node-1", "test").withHeartbeat(Duration.ofMinutes(10)),
            UnderlayMtuProbe.fixed(1500),
            scheduler,
            Clock.systemUTC(),
            new PlanCache());
    agent.start();
  }

  private void publish(PlanFixtures p) {
    SecureOverlay current =
        client.resources(SecureOverlay.class).withName(SecureOverlay.SINGLETON_NAME).get();
    current.setStatus(p.status());
    client.resources(SecureOverlay.class).resource(current).updateStatus();
  }

  private SecureOverlayNodeStatus report() {
    SecureOverlayNode node = client.resources(SecureOverlayNode.class).withName("node-1").get();
    return node == null ? null : node.getStatus();
  }

  private long observed() {
    SecureOverlayNodeStatus s = report();
    return s == null || s.getObservedPlanRevision() == null ? -1 : s.getObservedPlanRevision();
  }

  private long statusWrites() {
    return agent.progress().statusWrites();
  }
}
