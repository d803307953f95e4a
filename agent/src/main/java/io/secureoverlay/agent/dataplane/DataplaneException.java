package io.secureoverlay.agent.dataplane;

/**
 * The dataplane could not be read at all (socket failure, interrupted dump, unparseable reply).
 * Failures of single changes are {@link ChangeResult}s, not exceptions.
 */
public class DataplaneException extends RuntimeException {

  public DataplaneException(String message) {
    super(message);
  }

  public DataplaneException(String message, Throwable cause) {
    super(message, cause);
  }
}
