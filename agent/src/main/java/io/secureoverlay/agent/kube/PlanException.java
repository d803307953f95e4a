package io.secureoverlay.agent.kube;

/**
 * The plan, or the keys Secret it needs, cannot be applied as it is. The message names the field
 * and never carries key material; the agent keeps its data plane as it is and reports the message
 * as its last error.
 */
public final class PlanException extends RuntimeException {

  public PlanException(String message) {
    super(message);
  }
}
