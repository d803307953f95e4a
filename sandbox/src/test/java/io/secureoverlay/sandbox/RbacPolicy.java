package io.secureoverlay.sandbox;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The RBAC authoriser over the Roles, ClusterRoles and bindings of {@code deploy/}, for one service
 * account: the rules of every ClusterRoleBinding naming it apply everywhere, those of a RoleBinding
 * only to requests in the binding's namespace. A rule allows a request as the API server's {@code
 * RuleAllows} decides: verb, API group and {@code resource[/subresource]} listed (or {@code *}),
 * and {@code resourceNames} empty or listing the request's name (never a request without a name,
 * such as a create or an unrestricted list).
 */
final class RbacPolicy {

  /** A rule, where it came from, and the namespace it is limited to (empty: everywhere). */
  record Grant(String source, String namespace, PolicyRule rule) {

    /** One grant per group, resource, verb and name, so that an unused verb shows on its own. */
    List<Grant> atoms() {
      List<String> names =
          rule.getResourceNames() == null || rule.getResourceNames().isEmpty()
              ? List.of("")
              : rule.getResourceNames();
      List<Grant> out = new ArrayList<>();
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          for (String verb : rule.getVerbs()) {
            for (String name : names) {
              PolicyRule one = new PolicyRule();
              one.setApiGroups(List.of(group));
              one.setResources(List.of(resource));
              one.setVerbs(List.of(verb));
              one.setResourceNames(name.isEmpty() ? List.of() : List.of(name));
              out.add(new Grant(source, namespace, one));
            }
          }
        }
      }
      return out;
    }

    boolean allows(RbacAttributes a) {
      if (!namespace.isEmpty() && !namespace.equals(a.namespace())) {
        return false;
      }
      return matches(rule.getVerbs(), a.verb())
          && matches(rule.getApiGroups(), a.apiGroup())
          && resourceMatches(rule.getResources(), a)
          && nameMatches(rule.getResourceNames(), a.name());
    }

    private static boolean matches(List<String> listed, String value) {
      return listed != null && (listed.contains("*") || listed.contains(value));
    }

    private static boolean resourceMatches(List<String> listed, RbacAttributes a) {
      if (listed == null) {
        return false;
      }
      for (String r : listed) {
        if (r.equals("*")
            || r.equals(a.resourcePath())
            || (!a.subresource().isEmpty() && r.equals("*/" + a.subresource()))
            || (!a.subresource().isEmpty() && r.equals(a.resource() + "/*"))) {
          return true;
        }
      }
      return false;
    }

    private static boolean nameMatches(List<String> names, String name) {
      return names == null || names.isEmpty() || (!name.isEmpty() && names.contains(name));
    }

    @Override
    public String toString() {
      return source
          + (namespace.isEmpty() ? "" : " (in " + namespace + ")")
          + ": "
          + rule.getApiGroups()
          + " "
          + rule.getResources()
          + " "
          + rule.getVerbs()
          + (rule.getResourceNames() == null || rule.getResourceNames().isEmpty()
              ? ""
              : " names=" + rule.getResourceNames());
    }
  }

  private final String serviceAccount;
  private final List<Grant> grants;

  private RbacPolicy(String serviceAccount, List<Grant> grants) {
    this.serviceAccount = serviceAccount;
    this.grants = List.copyOf(grants);
  }

  /** The grants {@code manifests} give the service account {@code namespace/name}. */
  static RbacPolicy forServiceAccount(RbacManifests manifests, String namespace, String name) {
    List<Grant> grants = new ArrayList<>();
    for (ClusterRoleBinding b : manifests.all(ClusterRoleBinding.class)) {
      if (names(b.getSubjects(), namespace, name)) {
        for (PolicyRule r : rulesOf(manifests, b.getRoleRef(), null)) {
          grants.add(new Grant("ClusterRole " + b.getRoleRef().getName(), "", r));
        }
      }
    }
    for (RoleBinding b : manifests.all(RoleBinding.class)) {
      if (names(b.getSubjects(), namespace, name)) {
        String ns = b.getMetadata().getNamespace();
        for (PolicyRule r : rulesOf(manifests, b.getRoleRef(), ns)) {
          grants.add(new Grant(b.getRoleRef().getKind() + " " + b.getRoleRef().getName(), ns, r));
        }
      }
    }
    return new RbacPolicy(namespace + "/" + name, grants);
  }

  private static boolean names(List<Subject> subjects, String namespace, String name) {
    return subjects != null
        && subjects.stream()
            .anyMatch(
                s ->
                    "ServiceAccount".equals(s.getKind())
                        && name.equals(s.getName())
                        && namespace.equals(s.getNamespace()));
  }

  /**
   * A ClusterRole by name, or a Role by name in {@code roleNamespace}; a dangling ref grants none.
   */
  private static List<PolicyRule> rulesOf(
      RbacManifests manifests, RoleRef ref, String roleNamespace) {
    if ("ClusterRole".equals(ref.getKind())) {
      return manifests.all(ClusterRole.class).stream()
          .filter(r -> r.getMetadata().getName().equals(ref.getName()))
          .flatMap(r -> r.getRules().stream())
          .toList();
    }
    return manifests.all(Role.class).stream()
        .filter(r -> r.getMetadata().getName().equals(ref.getName()))
        .filter(r -> Objects.equals(r.getMetadata().getNamespace(), roleNamespace))
        .flatMap(r -> r.getRules().stream())
        .toList();
  }

  /**
   * The same grants without {@code removed}: what the authoriser would do had it not been given.
   */
  RbacPolicy without(Grant removed) {
    return new RbacPolicy(serviceAccount, grants.stream().filter(g -> g != removed).toList());
  }

  boolean allows(RbacAttributes request) {
    return grants.stream().anyMatch(g -> g.allows(request));
  }

  List<Grant> grants() {
    return grants;
  }

  String serviceAccount() {
    return serviceAccount;
  }
}
