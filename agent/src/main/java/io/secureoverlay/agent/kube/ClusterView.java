package io.secureoverlay.agent.kube;

/**
 * The agent's read-only window on the API server: the {@code SecureOverlay} plan, the keys Secret
 * (by name, nothing else secret) and Nodes, kept current by watches. One view may serve several
 * agents of one process (the sandbox), each asking for its own node.
 *
 * <p>While the API server is unreachable a view keeps reporting the last objects it saw: a broken
 * watch is never read as "deleted", so the data plane stays as it is until the server answers
 * again.
 */
public interface ClusterView extends AutoCloseable {

  /** The current objects for the agent of {@code nodeName}. */
  ClusterSnapshot snapshot(String nodeName);

  /**
   * Calls {@code listener} (on a watch thread; it must return quickly) after any watched object
   * changed. Returns a handle that removes the listener.
   */
  AutoCloseable onChange(Runnable listener);

  /** Stops the watches. */
  @Override
  void close();
}
