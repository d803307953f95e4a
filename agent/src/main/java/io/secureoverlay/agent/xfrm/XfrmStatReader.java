package io.secureoverlay.agent.xfrm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the XFRM error counters of the calling thread's network namespace.
 *
 * <p>{@code /proc/net} is {@code /proc/self/net}, and {@code /proc/self} is the thread-group
 * leader: a thread that joined another namespace with setns would read the leader's namespace
 * there. {@code /proc/thread-self/net} follows the calling thread, so it is read from inside {@code
 * NetworkNamespace.call(...)} to get that namespace's counters.
 */
public final class XfrmStatReader {

  public static final Path THREAD_SELF = Path.of("/proc/thread-self/net/xfrm_stat");

  private XfrmStatReader() {}

  /** The counters of the calling thread's namespace. */
  public static XfrmStatCounters read() {
    return read(THREAD_SELF);
  }

  public static XfrmStatCounters read(Path path) {
    try {
      return XfrmStatParser.parse(Files.readString(path, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + path + " (kernel without CONFIG_XFRM_STATISTICS?)", e);
    }
  }
}
