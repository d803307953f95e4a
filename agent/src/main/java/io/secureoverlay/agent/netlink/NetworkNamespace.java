package io.secureoverlay.agent.netlink;

import static io.secureoverlay.agent.netlink.NativeLibC.LIBC;
import static io.secureoverlay.agent.netlink.NativeLibC.check;
import static io.secureoverlay.agent.netlink.NetlinkConstants.CLONE_NEWNET;
import static io.secureoverlay.agent.netlink.NetlinkConstants.O_CLOEXEC;
import static io.secureoverlay.agent.netlink.NetlinkConstants.O_RDONLY;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * A handle on a network namespace, so one JVM can drive several namespace "nodes".
 *
 * <p>A netlink socket belongs to the namespace its creating thread was in, and {@code setns} moves
 * only the calling thread. {@link #call} therefore runs its action on a fresh platform thread that
 * first joins this namespace and then ends: no pooled thread is ever left in a foreign namespace.
 * Whatever the action creates (a socket) stays in this namespace after the thread is gone; what it
 * reads through {@code /proc/thread-self/net} is this namespace's view.
 */
public final class NetworkNamespace implements AutoCloseable {

  /** Where {@code ip netns add NAME} mounts its namespaces. */
  public static final Path RUN_NETNS = Path.of("/run/netns");

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final String name;
  private final int fd;
  private boolean closed;

  private NetworkNamespace(String name, int fd) {
    this.name = name;
    this.fd = fd;
  }

  /** Opens {@code /run/netns/NAME}. */
  public static NetworkNamespace open(String name) {
    if (name == null || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException(
          "network namespace name must be 1-64 of [A-Za-z0-9_.-] and not . or ..: '" + name + "'");
    }
    return openPath(RUN_NETNS.resolve(name), name);
  }

  /** Opens a namespace by path, e.g. {@code /proc/PID/ns/net}. */
  public static NetworkNamespace openPath(Path path, String displayName) {
    int fd = check(LIBC.open(path.toString(), O_RDONLY | O_CLOEXEC), "open(" + path + ")");
    return new NetworkNamespace(displayName, fd);
  }

  public String name() {
    return name;
  }

  /**
   * Runs {@code action} on a new thread that has joined this namespace, waits for it and returns
   * its result. Exceptions from the action are rethrown as they were (checked ones wrapped in
   * {@link IllegalStateException}).
   */
  public <T> T call(Callable<T> action) {
    if (closed) {
      throw new IllegalStateException("network namespace " + name + " is closed");
    }
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                check(LIBC.setns(fd, CLONE_NEWNET), "setns(" + name + ")");
                result.set(action.call());
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "netns-" + name);
    thread.setDaemon(true);
    thread.start();
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // the action cannot be abandoned half-way; finish, then re-flag
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t instanceof Error err) {
      throw err;
    }
    if (t != null) {
      throw new IllegalStateException("action in network namespace " + name + " failed", t);
    }
    return result.get();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      LIBC.close(fd);
    }
  }

  @Override
  public String toString() {
    return "NetworkNamespace[" + name + "]";
  }
}
