package io.secureoverlay.master;

import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * A call to the API server failed. The message says which call and the HTTP status; fabric8's
 * exception is not chained, so no request detail of a Secret call can reach a log.
 */
final class GatewayException extends RuntimeException {

  private final int code;

  GatewayException(String what, KubernetesClientException cause) {
    super(what + " failed: " + describe(cause), null, false, false);
    this.code = cause.getCode();
  }

  /** The HTTP status, 0 when the server was not reached. */
  int code() {
    return code;
  }

  boolean isConflict() {
    return code == 409;
  }

  private static String describe(KubernetesClientException e) {
    if (e.getCode() == 0) {
      return "API server not reached (" + e.getClass().getSimpleName() + ")";
    }
    String reason = e.getStatus() == null ? null : e.getStatus().getReason();
    return "HTTP " + e.getCode() + (reason == null ? "" : " " + reason);
  }
}
