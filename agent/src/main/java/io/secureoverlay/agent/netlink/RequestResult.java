package io.secureoverlay.agent.netlink;

import java.util.Optional;

/**
 * The outcome of one request of a batch: acknowledged, or the failure reported against exactly that
 * request (the others of the batch are unaffected).
 *
 * @param index position of the request in the list given to {@link NetlinkConversation#execute}
 */
public record RequestResult(int index, Optional<NetlinkException> failure) {

  public static RequestResult acked(int index) {
    return new RequestResult(index, Optional.empty());
  }

  public static RequestResult failed(int index, NetlinkException failure) {
    return new RequestResult(index, Optional.of(failure));
  }

  public boolean ok() {
    return failure.isEmpty();
  }

  /** The errno when the kernel (or a system call) refused the request. */
  public Optional<Errno> errno() {
    return failure.filter(ErrnoException.class::isInstance).map(e -> ((ErrnoException) e).errno());
  }
}
