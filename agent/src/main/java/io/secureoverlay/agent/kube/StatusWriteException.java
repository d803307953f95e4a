package io.secureoverlay.agent.kube;

/** A status write failed; the message names the operation and HTTP code, never a key. */
public final class StatusWriteException extends RuntimeException {

  public StatusWriteException(String message) {
    super(message);
  }
}
