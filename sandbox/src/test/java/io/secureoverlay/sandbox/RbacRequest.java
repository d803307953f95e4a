package io.secureoverlay.sandbox;

import java.util.Optional;

/**
 * One request the sandbox's API server answered, with the client that made it (from its User-Agent:
 * {@code secureoverlay-master/<identity>}, {@code secureoverlay-agent/<node>}, or the test's own
 * operator client).
 */
record RbacRequest(String userAgent, String method, String path, String query) {

  /** {@code secureoverlay-master}, {@code secureoverlay-agent}, ...: the User-Agent's product. */
  String client() {
    int slash = userAgent.indexOf('/');
    return slash < 0 ? userAgent : userAgent.substring(0, slash);
  }

  Optional<RbacAttributes> attributes() {
    return RbacAttributes.of(method, path, query);
  }

  @Override
  public String toString() {
    return userAgent + " " + method + " " + path + (query.isEmpty() ? "" : "?" + query);
  }
}
