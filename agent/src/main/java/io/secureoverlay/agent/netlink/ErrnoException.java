package io.secureoverlay.agent.netlink;

import java.util.Optional;

/**
 * A failed system call or a negative errno in a kernel netlink reply. {@link #errno()} is what
 * callers branch on; {@link #extAckMessage()} carries the kernel's extended-ack text when it gave
 * one (it is for people, never for control flow).
 */
public final class ErrnoException extends NetlinkException {

  private static final long serialVersionUID = 1L;

  private final Errno errno;
  private final int number;
  private final String operation;
  private final String extAckMessage;

  private ErrnoException(int number, String operation, String extAckMessage) {
    super(format(number, operation, extAckMessage));
    this.errno = Errno.of(number);
    this.number = number;
    this.operation = operation;
    this.extAckMessage = extAckMessage;
  }

  /** A system call (socket, bind, sendto, ...) returned -1 with {@code errno}. */
  public static ErrnoException fromSyscall(int errno, String operation) {
    return new ErrnoException(errno, operation, null);
  }

  /**
   * The kernel answered request {@code operation} with a negative error; {@code extAckMessage} may
   * be null.
   */
  public static ErrnoException fromReply(int errno, String operation, String extAckMessage) {
    return new ErrnoException(errno, operation, extAckMessage);
  }

  public Errno errno() {
    return errno;
  }

  /** The raw positive errno number, meaningful also when {@link #errno()} is UNKNOWN. */
  public int number() {
    return number;
  }

  /** What failed, e.g. {@code "bind"} or {@code "XFRM_MSG_NEWSA seq=7"}. */
  public String operation() {
    return operation;
  }

  public Optional<String> extAckMessage() {
    return Optional.ofNullable(extAckMessage);
  }

  @Override
  public boolean isRetryable() {
    return errno == Errno.EAGAIN || errno == Errno.EINTR || errno == Errno.EBUSY;
  }

  private static String format(int number, String operation, String extAck) {
    Errno e = Errno.of(number);
    String name = e == Errno.UNKNOWN ? "errno " + number : e.name();
    return operation
        + " failed: "
        + name
        + " ("
        + e.description()
        + ")"
        + (extAck == null || extAck.isEmpty() ? "" : ": " + extAck);
  }
}
