package io.secureoverlay.agent.netlink;

/**
 * Base of every failure the netlink layer reports. Unchecked because callers either branch on the
 * concrete subtype ({@link ErrnoException}, {@link DumpInterruptedException}, {@link
 * NetlinkParseException}) or let it reach the reconciler's per-item error collection. Messages
 * never contain key bytes: payloads are described only through a {@link NetlinkFamily}'s redactor.
 */
public abstract class NetlinkException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected NetlinkException(String message) {
    super(message);
  }

  protected NetlinkException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether repeating the same request or dump may succeed (an interrupted dump, a timeout). */
  public boolean isRetryable() {
    return false;
  }
}
