package io.secureoverlay.agent.dataplane;

import java.util.Objects;

/**
 * The outcome of one {@link DataplaneChange}. Callers branch on {@link Status}, never on {@code
 * detail}, which is for people (an errno name, the kernel's extended ack text; never key bytes).
 */
public record ChangeResult(DataplaneChange change, Status status, String detail) {

  /** Dataplane-level outcome; a kernel dataplane maps errnos onto these. */
  public enum Status {
    OK,
    /** EEXIST: an object with the same identity is installed (ours or foreign). */
    EXISTS,
    /** ENOENT / ESRCH: nothing with that identity is installed. */
    NOT_FOUND,
    /** The object with that identity is foreign: SecureOverlay never changes it. */
    NOT_OWNED,
    /** EINVAL and friends: the kernel or the dataplane refused the request as malformed. */
    INVALID,
    /** EPERM / EACCES: the agent lacks CAP_NET_ADMIN. */
    PERMISSION_DENIED,
    /** Anything else; {@code detail} says what. */
    OTHER
  }

  public ChangeResult {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(status, "status");
    detail = detail == null ? "" : detail;
  }

  public static ChangeResult ok(DataplaneChange change) {
    return new ChangeResult(change, Status.OK, "");
  }

  public static ChangeResult failed(DataplaneChange change, Status status, String detail) {
    if (status == Status.OK) {
      throw new IllegalArgumentException("a failure needs a failing status");
    }
    return new ChangeResult(change, status, detail);
  }

  public boolean isOk() {
    return status == Status.OK;
  }

  /** {@code "add sa esp dst 10.0.0.2 spi 0x00010002 ...: ok"}, safe to print and log. */
  public String describe() {
    return change.describe()
        + ": "
        + status.name().toLowerCase(java.util.Locale.ROOT)
        + (detail.isEmpty() ? "" : " (" + detail + ")");
  }
}
