package io.secureoverlay.agent.staticconfig;

import io.secureoverlay.agent.dataplane.ChangeResult;
import io.secureoverlay.agent.dataplane.DataplaneException;
import io.secureoverlay.agent.health.XfrmErrorWatch;
import io.secureoverlay.agent.reconcile.NodeDesiredState;
import io.secureoverlay.agent.reconcile.NodeReconciler;
import io.secureoverlay.agent.reconcile.ReconcileReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's static mode: keeps the data plane matching a local file. Each {@link #poll()} reads
 * the file; when it changed, or the last pass did not converge, or {@code resync} has passed since
 * the last pass (someone may have changed the XFRM tables by hand), it reconciles. A file that does
 * not parse changes nothing: the last good state stays installed. Secrets live in memory only
 * during a pass. Prints one line per change made; never a key.
 */
public final class StaticModeAgent {

  private static final Logger LOG = LoggerFactory.getLogger(StaticModeAgent.class);

  /** What a poll did. */
  public enum PollResult {
    UNCHANGED,
    RECONCILED,
    REJECTED
  }

  private final Path file;
  private final Optional<String> nodeOverride;
  private final NodeReconciler reconciler;
  private final StaticConfigParser parser = new StaticConfigParser();
  private final Clock clock;
  private final Duration resync;
  private final PrintStream out;
  private final PrintStream err;
  private final Supplier<Map<String, Long>> xfrmErrors;
  private final XfrmErrorWatch errorWatch = new XfrmErrorWatch();

  private byte[] lastDigest;
  private Instant lastPass;
  private boolean lastConverged;

  public StaticModeAgent(
      Path file,
      Optional<String> nodeOverride,
      NodeReconciler reconciler,
      Clock clock,
      Duration resync,
      PrintStream out,
      PrintStream err) {
    this(file, nodeOverride, reconciler, clock, resync, out, err, Map::of);
  }

  /**
   * @param xfrmErrors the data plane's XFRM error counters, checked on every poll so that dropped
   *     packets (a peer with a wrong key, a missing state) are reported as they happen
   */
  public StaticModeAgent(
      Path file,
      Optional<String> nodeOverride,
      NodeReconciler reconciler,
      Clock clock,
      Duration resync,
      PrintStream out,
      PrintStream err,
      Supplier<Map<String, Long>> xfrmErrors) {
    this.xfrmErrors = xfrmErrors;
    this.file = file;
    this.nodeOverride = nodeOverride;
    this.reconciler = reconciler;
    this.clock = clock;
    this.resync = resync;
    this.out = out;
    this.err = err;
  }

  /** Reads the file and reconciles if needed. Never throws for a bad file or data plane. */
  public synchronized PollResult poll() {
    reportXfrmErrors();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return reject(null, "cannot read " + file + ": " + e.getClass().getSimpleName());
    }
    try {
      byte[] digest = sha256(bytes);
      boolean changed = !Arrays.equals(digest, lastDigest);
      boolean due = lastPass == null || !clock.instant().isBefore(lastPass.plus(resync));
      if (!changed && !due && lastConverged) {
        return PollResult.UNCHANGED;
      }
      try (StaticConfig config = parser.parse(bytes);
          NodeDesiredState desired = config.desiredState(nodeOverride)) {
        ReconcileReport report = reconciler.reconcile(desired);
        lastDigest = digest;
        record(report);
        return PollResult.RECONCILED;
      } catch (StaticConfigException e) {
        return reject(changed ? digest : null, file + ": " + e.getMessage());
      } catch (DataplaneException e) {
        return reject(null, "data plane: " + e.getMessage());
      }
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Validates the file without touching the data plane: for start-up, to fail fast on bad input.
   */
  public void check() throws StaticConfigException, IOException {
    byte[] bytes = Files.readAllBytes(file);
    try (StaticConfig config = parser.parse(bytes);
        NodeDesiredState desired = config.desiredState(nodeOverride)) {
      LOG.debug("event=static_config_valid file={} node={}", file, desired.self().name());
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** Removes everything SecureOverlay owns on this node: the orderly shutdown. */
  public synchronized ReconcileReport removeAll() {
    ReconcileReport report = reconciler.removeAll();
    record(report);
    return report;
  }

  private void record(ReconcileReport report) {
    for (ChangeResult r : report.results()) {
      if (r.isOk()) {
        out.println(r.change().describe());
      }
    }
    report.failures().forEach(f -> err.println("failed: " + f.describe()));
    report.skipped().forEach(s -> err.println("skipped: " + s));
    lastPass = report.finishedAt();
    lastConverged = report.converged();
    LOG.info("event=static_reconcile file={} {}", file, report.summary());
  }

  private void reportXfrmErrors() {
    try {
      errorWatch
          .describeRises(xfrmErrors.get())
          .ifPresent(
              rises -> {
                err.println("warning: the kernel dropped packets: " + rises);
                LOG.warn("event=xfrm_errors {}", rises);
              });
    } catch (RuntimeException e) {
      LOG.debug("event=xfrm_stat_unreadable reason=\"{}\"", e.getMessage());
    }
  }

  private PollResult reject(byte[] digest, String message) {
    // Remember a bad file's digest so it is reported once, not on every poll.
    if (digest != null) {
      lastDigest = digest;
    }
    err.println("error: " + message + " (nothing changed)");
    LOG.warn("event=static_config_rejected file={} reason=\"{}\"", file, message);
    return PollResult.REJECTED;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
