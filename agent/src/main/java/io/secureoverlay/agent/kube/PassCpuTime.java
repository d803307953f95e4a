package io.secureoverlay.agent.kube;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the calling thread, for what an agent's passes cost apart from waiting for a CPU: the
 * sandbox runs many agents on a few cores, where wall time measures the crowd, not the agent.
 */
final class PassCpuTime {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private PassCpuTime() {}

  /** The calling thread's CPU time in nanoseconds, or -1 where the JVM cannot tell. */
  static long now() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
  }

  /** CPU nanoseconds since {@code start} (from {@link #now()}), 0 where unmeasurable. */
  static long since(long start) {
    if (start < 0) {
      return 0;
    }
    long end = now();
    return end < start ? 0 : end - start;
  }
}
