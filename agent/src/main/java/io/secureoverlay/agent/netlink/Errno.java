package io.secureoverlay.agent.netlink;

/**
 * Linux errno values the netlink and XFRM code meets, with the numbers of the generic Linux ABI
 * (x86-64 and arm64 share them). Callers branch on these constants, never on message text: e.g.
 * {@code EEXIST} from a second XFRM_MSG_NEWSA, {@code ESRCH} from deleting an SA that is gone,
 * {@code ENOENT} from deleting a policy that is gone.
 */
public enum Errno {
  EPERM(1, "operation not permitted"),
  ENOENT(2, "no such file or directory"),
  ESRCH(3, "no such process (XFRM: no such state)"),
  EINTR(4, "interrupted system call"),
  EIO(5, "input/output error"),
  ENXIO(6, "no such device or address"),
  E2BIG(7, "argument list too long"),
  EBADF(9, "bad file descriptor"),
  EAGAIN(11, "resource temporarily unavailable (or receive timeout)"),
  ENOMEM(12, "cannot allocate memory"),
  EACCES(13, "permission denied"),
  EFAULT(14, "bad address"),
  EBUSY(16, "device or resource busy"),
  EEXIST(17, "file exists"),
  ENODEV(19, "no such device"),
  ENOTDIR(20, "not a directory"),
  EINVAL(22, "invalid argument"),
  ENFILE(23, "too many open files in system"),
  EMFILE(24, "too many open files"),
  ENOSPC(28, "no space left on device"),
  ERANGE(34, "numerical result out of range"),
  ENOSYS(38, "function not implemented"),
  EPROTO(71, "protocol error"),
  EOVERFLOW(75, "value too large for defined data type"),
  ENOTSOCK(88, "socket operation on non-socket"),
  EMSGSIZE(90, "message too long"),
  EPROTOTYPE(91, "protocol wrong type for socket"),
  ENOPROTOOPT(92, "protocol not available"),
  EPROTONOSUPPORT(93, "protocol not supported"),
  EOPNOTSUPP(95, "operation not supported"),
  EAFNOSUPPORT(97, "address family not supported by protocol"),
  EADDRINUSE(98, "address already in use"),
  ENOBUFS(105, "no buffer space available"),
  ETIMEDOUT(110, "connection timed out"),
  ECONNREFUSED(111, "connection refused"),
  EALREADY(114, "operation already in progress"),
  /** A number this enum does not name; {@link ErrnoException#number()} keeps the raw value. */
  UNKNOWN(-1, "unknown error");

  private final int number;
  private final String description;

  Errno(int number, String description) {
    this.number = number;
    this.description = description;
  }

  /** The positive errno number ({@code -1} for {@link #UNKNOWN}). */
  public int number() {
    return number;
  }

  public String description() {
    return description;
  }

  /** Maps a positive errno number; numbers this enum does not name give {@link #UNKNOWN}. */
  public static Errno of(int number) {
    for (Errno e : values()) {
      if (e.number == number) {
        return e;
      }
    }
    return UNKNOWN;
  }
}
