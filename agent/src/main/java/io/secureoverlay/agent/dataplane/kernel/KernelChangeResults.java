package io.secureoverlay.agent.dataplane.kernel;

import io.secureoverlay.agent.dataplane.ChangeResult;
import io.secureoverlay.agent.dataplane.ChangeResult.Status;
import io.secureoverlay.agent.dataplane.DataplaneChange;
import io.secureoverlay.agent.netlink.Errno;
import io.secureoverlay.agent.netlink.ErrnoException;
import io.secureoverlay.agent.netlink.NetlinkException;

/**
 * Kernel failures as dataplane outcomes: the errno decides the {@link Status}; the detail is the
 * exception's message (request, errno name, the kernel's ext-ack text; never key bytes).
 */
final class KernelChangeResults {

  private KernelChangeResults() {}

  static ChangeResult failed(DataplaneChange change, NetlinkException e) {
    return ChangeResult.failed(change, statusOf(e), e.getMessage());
  }

  static Status statusOf(NetlinkException e) {
    if (!(e instanceof ErrnoException errno)) {
      return Status.OTHER;
    }
    return statusOf(errno.errno());
  }

  static Status statusOf(Errno errno) {
    return switch (errno) {
      case EEXIST -> Status.EXISTS;
      case ENOENT, ESRCH -> Status.NOT_FOUND;
      case EINVAL, ERANGE, EMSGSIZE, EAFNOSUPPORT, EPROTONOSUPPORT -> Status.INVALID;
      case EPERM, EACCES -> Status.PERMISSION_DENIED;
      default -> Status.OTHER;
    };
  }
}
