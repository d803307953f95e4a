package io.secureoverlay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every manifest in {@code deploy/} loads as a Kubernetes object, kustomize lists them all, and
 * every workload runs the way a security review expects: non-root (the agent excepted, with
 * NET_ADMIN as its only capability), no privilege escalation, read-only root, resource limits.
 */
class RbacDeployManifestsTest {

  private static final String NAMESPACE = "secureoverlay-system";
  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "ClusterRole",
          "ClusterRoleBinding",
          "CustomResourceDefinition",
          "SecureOverlay");

  private final RbacManifests manifests = RbacManifests.load();

  @Test
  void everyManifestLoadsAndKustomizeListsThemAll() {
    List<String> files = new ArrayList<>();
    for (Path file : RbacManifests.manifestFiles(manifests.directory())) {
      assertThat(RbacManifests.parse(file)).as("objects in %s", file).isNotEmpty();
      files.add(manifests.directory().relativize(file).toString().replace('\\', '/'));
    }
    assertThat(files)
        .contains(
            "namespace.yaml",
            "master-rbac.yaml",
            "master.yaml",
            "agent-rbac.yaml",
            "agent.yaml",
            "console-rbac.yaml",
            "console.yaml");
    List<String> listed =
        ((List<?>) manifests.kustomization().get("resources"))
            .stream().map(String::valueOf).toList();
    assertThat(listed)
        .as("deploy/kustomization.yaml resources")
        .containsExactlyInAnyOrderElementsOf(files);
    for (HasMetadata o : manifests.objects()) {
      assertThat(o.getMetadata().getName()).as("name of a %s", o.getKind()).isNotBlank();
      String expected = CLUSTER_SCOPED.contains(o.getKind()) ? null : NAMESPACE;
      assertThat(o.getMetadata().getNamespace())
          .as("namespace of %s %s", o.getKind(), o.getMetadata().getName())
          .isEqualTo(expected);
    }
  }

  @Test
  void customObjectsUseAVersionTheirCrdServes() {
    Set<String> served = new java.util.TreeSet<>();
    for (CustomResourceDefinition crd : manifests.all(CustomResourceDefinition.class)) {
      crd.getSpec().getVersions().stream()
          .filter(v -> Boolean.TRUE.equals(v.getServed()))
          .forEach(
              v ->
                  served.add(
                      crd.getSpec().getGroup()
                          + "/"
                          + v.getName()
                          + " "
                          + crd.getSpec().getNames().getKind()));
    }
    assertThat(served)
        .containsExactly(
            "secureoverlay.io/v1alpha1 SecureOverlay",
            "secureoverlay.io/v1alpha1 SecureOverlayNode");
    List<HasMetadata> custom =
        manifests.objects().stream()
            .filter(o -> o.getApiVersion().startsWith("secureoverlay.io/"))
            .toList();
    assertThat(custom).extracting(HasMetadata::getKind).containsExactly("SecureOverlay");
    for (HasMetadata o : custom) {
      assertThat(served).contains(o.getApiVersion() + " " + o.getKind());
    }
  }

  @Test
  void everyContainerIsLockedDown() {
    Map<String, PodSpec> pods = pods();
    assertThat(pods)
        .containsOnlyKeys("secureoverlay-master", "secureoverlay-agent", "secureoverlay-console");
    pods.forEach(
        (workload, pod) -> {
          assertThat(pod.getHostPID()).as(workload).isNotEqualTo(Boolean.TRUE);
          assertThat(pod.getHostIPC()).as(workload).isNotEqualTo(Boolean.TRUE);
          assertThat(pod.getVolumes())
              .as("%s volumes", workload)
              .allMatch(v -> v.getHostPath() == null, "no hostPath");
          assertThat(manifests.all(ServiceAccount.class))
              .extracting(sa -> sa.getMetadata().getName())
              .as("%s's service account exists", workload)
              .contains(pod.getServiceAccountName());
          for (Container c : pod.getContainers()) {
            String what = workload + "/" + c.getName();
            SecurityContext sc = c.getSecurityContext();
            assertThat(sc).as(what).isNotNull();
            assertThat(sc.getAllowPrivilegeEscalation()).as(what).isFalse();
            assertThat(sc.getReadOnlyRootFilesystem()).as(what).isTrue();
            assertThat(sc.getPrivileged()).as(what).isNotEqualTo(Boolean.TRUE);
            assertThat(sc.getCapabilities().getDrop()).as(what).containsExactly("ALL");
            if (workload.equals("secureoverlay-agent")) {
              // Root for netlink XFRM: NET_ADMIN and nothing else.
              assertThat(sc.getCapabilities().getAdd()).as(what).containsExactly("NET_ADMIN");
            } else {
              assertThat(runsAsNonRoot(pod.getSecurityContext(), sc)).as(what).isTrue();
              assertThat(sc.getCapabilities().getAdd()).as(what).isNullOrEmpty();
            }
            assertThat(c.getResources().getLimits()).as(what).containsKeys("cpu", "memory");
            assertThat(c.getResources().getRequests()).as(what).containsKeys("cpu", "memory");
            assertThat(c.getImage())
                .as(what)
                .isEqualTo("ghcr.io/secureoverlay/secureoverlay:0.1.0");
          }
        });
  }

  private static boolean runsAsNonRoot(PodSecurityContext pod, SecurityContext container) {
    Boolean nonRoot =
        container.getRunAsNonRoot() != null
            ? container.getRunAsNonRoot()
            : pod == null ? null : pod.getRunAsNonRoot();
    Long user =
        container.getRunAsUser() != null
            ? container.getRunAsUser()
            : pod == null ? null : pod.getRunAsUser();
    return Boolean.TRUE.equals(nonRoot) && (user == null || user != 0);
  }

  @Test
  void theAgentRunsOnEveryLinuxNodeInTheHostNetwork() {
    DaemonSet ds = manifests.all(DaemonSet.class).get(0);
    PodSpec pod = ds.getSpec().getTemplate().getSpec();
    assertThat(pod.getHostNetwork()).isTrue();
    assertThat(pod.getDnsPolicy()).isEqualTo("ClusterFirstWithHostNet");
    assertThat(pod.getTolerations())
        .anyMatch(
            t -> "Exists".equals(t.getOperator()) && t.getKey() == null && t.getEffect() == null);
    assertThat(pod.getNodeSelector()).containsEntry("kubernetes.io/os", "linux");
    assertThat(pod.getPriorityClassName()).isEqualTo("system-node-critical");
    assertThat(pod.getTerminationGracePeriodSeconds()).isPositive();
    assertThat(ds.getSpec().getUpdateStrategy().getType()).isEqualTo("RollingUpdate");
    assertThat(ds.getSpec().getUpdateStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
        .isEqualTo(1);
    Container agent = pod.getContainers().get(0);
    assertThat(agent.getCommand()).containsExactly("java", "-jar", "secureoverlay-agent.jar");
    assertThat(fieldRef(agent, "NODE_NAME")).isEqualTo("spec.nodeName");
  }

  @Test
  void twoMastersCompeteForTheLeaseUnderTheirPodNames() {
    Deployment master = deployment("secureoverlay-master");
    assertThat(master.getSpec().getReplicas()).isEqualTo(2);
    Container c = master.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getCommand()).containsExactly("java", "-jar", "secureoverlay.jar", "master");
    assertThat(c.getArgs()).containsSequence("--identity", "$(POD_NAME)");
    assertThat(fieldRef(c, "POD_NAME")).isEqualTo("metadata.name");
  }

  @Test
  void theConsoleServesPort8080WithAccountsFromASecret() {
    Deployment console = deployment("secureoverlay-console");
    assertThat(console.getSpec().getReplicas()).isEqualTo(1);
    Container c = console.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getArgs())
        .contains("--secureoverlay.cluster.mode=real")
        .anyMatch(a -> a.startsWith("--secureoverlay.cluster.name="));
    assertThat(c.getPorts()).anyMatch(p -> p.getContainerPort() == 8080);
    for (String env :
        List.of(
            "SECUREOVERLAY_USERS_0_NAME",
            "SECUREOVERLAY_USERS_0_PASSWORDHASH",
            "SECUREOVERLAY_USERS_0_ROLES")) {
      EnvVar var =
          c.getEnv().stream().filter(e -> e.getName().equals(env)).findFirst().orElseThrow();
      assertThat(var.getValue()).as(env).isNull();
      assertThat(var.getValueFrom().getSecretKeyRef().getName())
          .as(env)
          .isEqualTo("secureoverlay-console-users");
    }
    Service service = manifests.all(Service.class).get(0);
    assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(service.getSpec().getPorts()).anyMatch(p -> p.getPort() == 8080);
    assertThat(service.getSpec().getSelector())
        .isEqualTo(console.getSpec().getSelector().getMatchLabels());
  }

  private Map<String, PodSpec> pods() {
    Map<String, PodSpec> out = new LinkedHashMap<>();
    manifests
        .all(Deployment.class)
        .forEach(d -> out.put(d.getMetadata().getName(), d.getSpec().getTemplate().getSpec()));
    manifests
        .all(DaemonSet.class)
        .forEach(d -> out.put(d.getMetadata().getName(), d.getSpec().getTemplate().getSpec()));
    return out;
  }

  private Deployment deployment(String name) {
    return manifests.all(Deployment.class).stream()
        .filter(d -> d.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static String fieldRef(Container c, String env) {
    return c.getEnv().stream()
        .filter(e -> e.getName().equals(env))
        .findFirst()
        .map(e -> e.getValueFrom().getFieldRef().getFieldPath())
        .orElse(null);
  }
}
