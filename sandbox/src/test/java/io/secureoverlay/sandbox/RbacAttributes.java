package io.secureoverlay.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the Kubernetes authoriser sees of one API request (its RequestInfo): API group, resource,
 * subresource, verb, namespace and name. Built as kube-apiserver's {@code RequestInfoFactory}
 * builds it: GET of one object is {@code get}, GET of a collection is {@code list}, or {@code
 * watch} with {@code ?watch=true} (or the legacy {@code /watch/} path); POST is {@code create} (no
 * name: create cannot be restricted by name), PUT {@code update}, PATCH {@code patch}, DELETE
 * {@code delete} (or {@code deletecollection} without a name). A list or watch whose field selector
 * pins {@code metadata.name} carries that name, which is how {@code resourceNames} can restrict it.
 *
 * @param namespace empty for cluster-scoped requests and for requests across all namespaces
 * @param name empty when the request names no object
 */
record RbacAttributes(
    String apiGroup,
    String resource,
    String subresource,
    String verb,
    String namespace,
    String name) {

  /** The request as RBAC sees it; empty for a non-resource URL (discovery, /version). */
  static Optional<RbacAttributes> of(String method, String path, String query) {
    List<String> parts = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    String group;
    int at;
    if (parts.size() >= 3 && parts.get(0).equals("api")) {
      group = "";
      at = 2;
    } else if (parts.size() >= 4 && parts.get(0).equals("apis")) {
      group = parts.get(1);
      at = 3;
    } else {
      return Optional.empty();
    }
    List<String> rest = parts.subList(at, parts.size());
    boolean legacyWatch = !rest.isEmpty() && rest.get(0).equals("watch");
    if (legacyWatch) {
      rest = rest.subList(1, rest.size());
    }
    String namespace = "";
    if (rest.size() >= 2 && rest.get(0).equals("namespaces")) {
      namespace = rest.get(1);
      if (rest.size() > 2) {
        rest = rest.subList(2, rest.size());
      }
    }
    String resource = rest.isEmpty() ? "" : rest.get(0);
    String name = rest.size() >= 2 ? rest.get(1) : "";
    String subresource = rest.size() >= 3 ? rest.get(2) : "";
    String verb = verb(method, legacyWatch, name.isEmpty(), query);
    if (name.isEmpty() && (verb.equals("list") || verb.equals("watch"))) {
      name = nameFromFieldSelector(query);
    }
    return Optional.of(new RbacAttributes(group, resource, subresource, verb, namespace, name));
  }

  private static String verb(String method, boolean legacyWatch, boolean noName, String query) {
    switch (method.toUpperCase(java.util.Locale.ROOT)) {
      case "GET", "HEAD":
        if (legacyWatch) {
          return "watch";
        }
        if (!noName) {
          return "get";
        }
        String watch = param(query, "watch");
        return watch == null || watch.equals("false") || watch.equals("0") ? "list" : "watch";
      case "POST":
        return "create";
      case "PUT":
        return "update";
      case "PATCH":
        return "patch";
      case "DELETE":
        return noName ? "deletecollection" : "delete";
      default:
        return method.toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** {@code fieldSelector=metadata.name=X} (alone or among other terms) names X. */
  private static String nameFromFieldSelector(String query) {
    String selector = param(query, "fieldSelector");
    if (selector == null) {
      return "";
    }
    for (String term : selector.split(",")) {
      for (String prefix : new String[] {"metadata.name==", "metadata.name="}) {
        if (term.startsWith(prefix)) {
          return term.substring(prefix.length());
        }
      }
    }
    return "";
  }

  private static String param(String query, String key) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (k.equals(key)) {
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** {@code resource} or {@code resource/subresource}, as RBAC rules spell it. */
  String resourcePath() {
    return subresource.isEmpty() ? resource : resource + "/" + subresource;
  }

  @Override
  public String toString() {
    return verb
        + " "
        + (apiGroup.isEmpty() ? "core" : apiGroup)
        + "/"
        + resourcePath()
        + (namespace.isEmpty() ? "" : " ns=" + namespace)
        + (name.isEmpty() ? "" : " name=" + name);
  }
}
