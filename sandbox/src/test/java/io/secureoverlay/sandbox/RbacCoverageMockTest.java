package io.secureoverlay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The RBAC rules in {@code deploy/} against what the code does: a four-node cluster with two master
 * replicas is enabled, rotated and disabled, and its agents are stopped as SIGTERM stops them;
 * every request the masters and agents made is mapped to what the RBAC authoriser sees and must be
 * allowed for the service account their workload runs as. The other way round, every rule must be
 * needed by some request (remove it and something is refused), and nobody gets Secrets beyond the
 * keys Secret, a wildcard, or the console's forbidden writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RbacCoverageMockTest {

  private static final String NAMESPACE = "secureoverlay-system";
  private static final String KEYS = "secureoverlay-keys";
  private static final Duration SETTLE = Duration.ofSeconds(60);
  private static final List<String> ALL_VERBS =
      List.of("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection");

  /**
   * Grants the code needs on a path this run does not take, each with the code that needs it. Kept
   * short on purpose: every entry is a rule no test shows to be needed.
   */
  private static final Map<String, String> NEEDED_OFF_THE_RUN =
      Map.of(
          "ClusterRole secureoverlay-master: [secureoverlay.io] [secureoverlays] [get]"
              + " names=[default]",
          "ClusterGateway.fetchOverlay(): re-reads the plan after its status write met a 409");

  private RbacManifests manifests;
  private RbacPolicy master;
  private RbacPolicy agent;
  private RbacPolicy console;
  private List<RbacRequest> requests;

  @BeforeAll
  void runTheClusterThroughEveryTransition() {
    manifests = RbacManifests.load();
    master = policyOfWorkloadRunning("secureoverlay.jar");
    agent = policyOfWorkloadRunning("secureoverlay-agent.jar");
    console = policyOfWorkloadRunning("secureoverlay-console.jar");
    try (RbacSandbox cluster = new RbacSandbox(4, 2)) {
      settle(cluster, "start");
      cluster.editSpec(
          s -> {
            s.setEnabled(true);
            s.setEnforce(true);
          });
      settle(cluster, "enable");
      cluster.editSpec(s -> s.setRotateNowToken("rbac-rotation-1"));
      settle(cluster, "rotate");
      cluster.editSpec(s -> s.setEnabled(false));
      settle(cluster, "disable");
      cluster.shutdownAgents();
      requests = cluster.requests();
    }
    System.out.printf(
        "[rbac] recorded %d requests: %d master, %d agent%n",
        requests.size(), of(RbacSandbox.MASTER_CLIENT).size(), of(RbacSandbox.AGENT_CLIENT).size());
  }

  @AfterAll
  void printWhatEachClientDid() {
    for (String client : List.of(RbacSandbox.MASTER_CLIENT, RbacSandbox.AGENT_CLIENT)) {
      Set<String> distinct = new TreeSet<>();
      of(client).forEach(r -> distinct.add(r.attributes().map(Object::toString).orElse(r.path())));
      System.out.println("[rbac] " + client + " made: " + distinct);
    }
  }

  private static void settle(RbacSandbox cluster, String step) {
    await("settled after " + step)
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(() -> assertThat(cluster.unsettled()).as(step).isEmpty());
  }

  /** The service account of the Deployment or DaemonSet whose container runs {@code jar}. */
  private RbacPolicy policyOfWorkloadRunning(String jar) {
    List<PodTemplateSpec> templates = new ArrayList<>();
    manifests.all(Deployment.class).forEach(d -> templates.add(d.getSpec().getTemplate()));
    manifests.all(DaemonSet.class).forEach(d -> templates.add(d.getSpec().getTemplate()));
    List<PodTemplateSpec> running =
        templates.stream()
            .filter(
                t ->
                    t.getSpec().getContainers().stream()
                        .anyMatch(c -> c.getCommand().contains(jar)))
            .toList();
    assertThat(running).as("workloads running %s", jar).hasSize(1);
    String sa = running.get(0).getSpec().getServiceAccountName();
    assertThat(sa).as("serviceAccountName of the workload running %s", jar).isNotBlank();
    return RbacPolicy.forServiceAccount(manifests, NAMESPACE, sa);
  }

  private List<RbacRequest> of(String client) {
    return requests.stream().filter(r -> r.client().equals(client)).toList();
  }

  /** Requests (as the authoriser sees them) that {@code policy} refuses. */
  private static List<String> refused(RbacPolicy policy, List<RbacRequest> made) {
    List<String> out = new ArrayList<>();
    for (RbacRequest r : made) {
      RbacAttributes a = r.attributes().orElse(null);
      if (a == null || !policy.allows(a)) {
        out.add((a == null ? "non-resource URL" : a.toString()) + "  <-  " + r);
      }
    }
    return out.stream().distinct().toList();
  }

  @Test
  void everyRequestComesFromAKnownClient() {
    assertThat(requests)
        .extracting(RbacRequest::client)
        .allMatch(
            c ->
                c.equals(RbacSandbox.MASTER_CLIENT)
                    || c.equals(RbacSandbox.AGENT_CLIENT)
                    || c.equals(RbacSandbox.OPERATOR_CLIENT),
            "a client of the test");
  }

  @Test
  void everyRequestOfTheMastersIsAllowedForTheMasterServiceAccount() {
    List<RbacRequest> made = of(RbacSandbox.MASTER_CLIENT);
    assertThat(made)
        .extracting(r -> r.attributes().map(Object::toString).orElse(""))
        .as("the run exercised the keys Secret, the Lease, Events and the plan")
        .contains(
            "create core/secrets ns=" + NAMESPACE,
            "update core/secrets ns=" + NAMESPACE + " name=" + KEYS,
            "create coordination.k8s.io/leases ns=" + NAMESPACE,
            "patch coordination.k8s.io/leases ns=" + NAMESPACE + " name=secureoverlay-master",
            "create core/events ns=" + NAMESPACE,
            "update secureoverlay.io/secureoverlays/status name=default");
    assertThat(refused(master, made)).as("master requests refused by " + master.grants()).isEmpty();
  }

  @Test
  void everyRequestOfTheAgentsIsAllowedForTheAgentServiceAccount() {
    List<RbacRequest> made = of(RbacSandbox.AGENT_CLIENT);
    assertThat(made)
        .extracting(r -> r.attributes().map(Object::toString).orElse(""))
        .as("the agents watched the keys Secret by name and wrote their reports")
        .contains(
            "watch core/secrets ns=" + NAMESPACE + " name=" + KEYS,
            "create secureoverlay.io/secureoverlaynodes",
            "update secureoverlay.io/secureoverlaynodes/status name=node-0001");
    assertThat(refused(agent, made)).as("agent requests refused by " + agent.grants()).isEmpty();
  }

  /** Least privilege: take any one rule away and some request of the run is refused. */
  @Test
  void everyRuleOfTheMasterAndTheAgentIsNeeded() {
    Map<String, List<String>> unneeded = new LinkedHashMap<>();
    for (var entry :
        Map.of(RbacSandbox.MASTER_CLIENT, master, RbacSandbox.AGENT_CLIENT, agent).entrySet()) {
      RbacPolicy policy = entry.getValue();
      List<RbacRequest> made = of(entry.getKey());
      for (RbacPolicy.Grant grant : policy.grants()) {
        for (RbacPolicy.Grant atom : grant.atoms()) {
          boolean used =
              made.stream().flatMap(r -> r.attributes().stream()).anyMatch(a -> atom.allows(a));
          if (!used && !NEEDED_OFF_THE_RUN.containsKey(atom.toString())) {
            unneeded.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(atom.toString());
          }
        }
        if (!NEEDED_OFF_THE_RUN.containsKey(grant.toString())) {
          assertThat(refused(policy.without(grant), made))
              .as("requests refused once %s is removed", grant)
              .isNotEmpty();
        }
      }
    }
    assertThat(unneeded).as("granted but never used").isEmpty();
    List<String> granted = new ArrayList<>();
    Stream.of(master, agent)
        .flatMap(p -> p.grants().stream())
        .flatMap(g -> g.atoms().stream())
        .forEach(g -> granted.add(g.toString()));
    assertThat(granted).as("grants excused from use").containsAll(NEEDED_OFF_THE_RUN.keySet());
  }

  /** A create request carries no name (it is in the body), so the authoriser never sees one. */
  private static List<String> namesFor(String verb, String... names) {
    return verb.equals("create") ? List.of("") : List.of(names);
  }

  @Test
  void theAgentReadsTheKeysSecretByNameAndNoOtherSecret() {
    for (String verb : ALL_VERBS) {
      for (String ns : List.of(NAMESPACE, "kube-system", "default", "")) {
        for (String name : namesFor(verb, "", "other", "secureoverlay-console-users", KEYS)) {
          RbacAttributes a = new RbacAttributes("", "secrets", "", verb, ns, name);
          boolean expected =
              ns.equals(NAMESPACE) && name.equals(KEYS) && Set.of("list", "watch").contains(verb);
          assertThat(agent.allows(a)).as("agent: %s", a).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void theConsoleHasNoSecretAccessAtAll() {
    for (String verb : ALL_VERBS) {
      for (String ns : List.of(NAMESPACE, "kube-system", "default", "")) {
        for (String name : namesFor(verb, "", KEYS, "secureoverlay-console-users", "other")) {
          RbacAttributes a = new RbacAttributes("", "secrets", "", verb, ns, name);
          assertThat(console.allows(a)).as("console: %s", a).isFalse();
        }
      }
    }
  }

  @Test
  void theMasterReadsAndWritesNoSecretButTheKeys() {
    for (String verb : ALL_VERBS) {
      for (String name : namesFor(verb, "", "other", "secureoverlay-console-users")) {
        RbacAttributes a = new RbacAttributes("", "secrets", "", verb, NAMESPACE, name);
        // Create cannot be restricted by name in Kubernetes: the one unavoidable allowance.
        boolean expected = verb.equals("create");
        assertThat(master.allows(a)).as("master: %s", a).isEqualTo(expected);
      }
      RbacAttributes elsewhere = new RbacAttributes("", "secrets", "", verb, "kube-system", KEYS);
      assertThat(master.allows(elsewhere)).as("master: %s", elsewhere).isFalse();
    }
  }

  /**
   * The console cannot run in this module (it is a Spring application), so its calls are listed
   * here as its code makes them: ClusterState's informers (SecureOverlay by name, every report, the
   * master's Events) and OverlayControlService's read and spec edit (fabric8's edit() is a GET and
   * a JSON PATCH).
   */
  @Test
  void theConsoleReadsWhatItShowsAndWritesOnlyTheSpec() {
    List<RbacAttributes> used =
        List.of(
            new RbacAttributes("secureoverlay.io", "secureoverlays", "", "list", "", "default"),
            new RbacAttributes("secureoverlay.io", "secureoverlays", "", "watch", "", "default"),
            new RbacAttributes("secureoverlay.io", "secureoverlays", "", "get", "", "default"),
            new RbacAttributes("secureoverlay.io", "secureoverlays", "", "patch", "", "default"),
            new RbacAttributes("secureoverlay.io", "secureoverlaynodes", "", "list", "", ""),
            new RbacAttributes("secureoverlay.io", "secureoverlaynodes", "", "watch", "", ""),
            new RbacAttributes("", "events", "", "list", NAMESPACE, ""),
            new RbacAttributes("", "events", "", "watch", NAMESPACE, ""));
    assertThat(used).allMatch(console::allows, "allowed for the console");
    List<RbacAttributes> forbidden = new ArrayList<>();
    for (String verb : List.of("update", "patch")) {
      forbidden.add(
          new RbacAttributes("secureoverlay.io", "secureoverlays", "status", verb, "", "default"));
      forbidden.add(
          new RbacAttributes("secureoverlay.io", "secureoverlaynodes", "status", verb, "", "n"));
    }
    for (String verb : List.of("create", "delete", "deletecollection", "update")) {
      forbidden.add(
          new RbacAttributes("secureoverlay.io", "secureoverlays", "", verb, "", "default"));
    }
    forbidden.add(new RbacAttributes("", "events", "", "list", "kube-system", ""));
    forbidden.add(new RbacAttributes("", "nodes", "", "list", "", ""));
    forbidden.add(new RbacAttributes("coordination.k8s.io", "leases", "", "update", NAMESPACE, ""));
    assertThat(forbidden).noneMatch(console::allows, "allowed for the console");
  }

  @Test
  void noRoleUsesAWildcardOrANonResourceUrlOrAnEscalatingVerb() {
    List<PolicyRule> rules = new ArrayList<>();
    manifests.all(Role.class).forEach(r -> rules.addAll(r.getRules()));
    manifests.all(ClusterRole.class).forEach(r -> rules.addAll(r.getRules()));
    assertThat(rules).hasSizeGreaterThan(10);
    for (PolicyRule rule : rules) {
      List<String> words =
          Stream.of(
                  rule.getVerbs(),
                  rule.getApiGroups(),
                  rule.getResources(),
                  rule.getResourceNames() == null ? List.<String>of() : rule.getResourceNames())
              .flatMap(List::stream)
              .toList();
      assertThat(words).as("rule %s", rule).noneMatch(w -> w.contains("*"));
      assertThat(rule.getNonResourceURLs()).as("rule %s", rule).isNullOrEmpty();
      assertThat(rule.getVerbs())
          .as("rule %s", rule)
          .doesNotContain("escalate", "bind", "impersonate", "delete", "deletecollection");
    }
  }
}
