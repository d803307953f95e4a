package io.secureoverlay.agent.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Describes an exception for a log line or a status field without its message: messages of parsers
 * and HTTP stacks can quote the document they failed on, and one of the documents the agent reads
 * is the keys Secret. What remains (exception class, HTTP code, the API server's reason word) is
 * enough to tell "unreachable" from "forbidden" from "conflict".
 */
final class SafeErrors {

  private SafeErrors() {}

  static String of(Throwable t) {
    if (t == null) {
      return "unknown";
    }
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    StringBuilder out = new StringBuilder(t.getClass().getSimpleName());
    if (t instanceof KubernetesClientException k) {
      out.append(" code=").append(k.getCode());
      if (k.getStatus() != null && k.getStatus().getReason() != null) {
        out.append(" reason=").append(k.getStatus().getReason());
      }
    }
    if (root != t) {
      out.append(" cause=").append(root.getClass().getSimpleName());
    }
    return out.toString();
  }
}
