package io.secureoverlay.agent.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real agent jar in static mode, running inside one lab node's namespace as its own process, so
 * a test can SIGKILL or SIGTERM it exactly as a kubelet or an operator would.
 */
public final class LabAgent implements AutoCloseable {

  /** Built by the package phase, which failsafe's integration-test phase follows. */
  static final Path JAR = Path.of("target", "secureoverlay-agent.jar");

  private final LabNode node;
  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private LabAgent(LabNode node, Process process, Path stdout, Path stderr) {
    this.node = node;
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** Starts the agent on {@code node} with its static configuration file. */
  public static LabAgent start(LabNode node, Path config) {
    try {
      Path out = Files.createTempFile("agent-" + node.netns(), ".out");
      Path err = Files.createTempFile("agent-" + node.netns(), ".err");
      // `ip netns exec` execs the command in place, so the process is the JVM itself.
      Process p =
          new ProcessBuilder(
                  List.of(
                      "ip",
                      "netns",
                      "exec",
                      node.netns(),
                      "java",
                      "-Xmx96m",
                      "-XX:+UseSerialGC",
                      "-jar",
                      JAR.toAbsolutePath().toString(),
                      "--static-config",
                      config.toString(),
                      "--node",
                      LabConfig.nodeName(node),
                      "--poll-seconds",
                      "1"))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      return new LabAgent(node, p, out, err);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the agent on " + node.netns(), e);
    }
  }

  public LabNode node() {
    return node;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** What the agent printed: one line per change it made. */
  public String changes() {
    return read(stdout);
  }

  /** Warnings and errors the agent printed, plus its log lines. */
  public String diagnostics() {
    return read(stderr);
  }

  /** SIGKILL: the agent gets no chance to clean up, like a crashed or OOM-killed pod. */
  public void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** SIGTERM: the orderly shutdown of a deleted DaemonSet; returns the exit status. */
  public int terminate() {
    process.destroy();
    return waitForExit();
  }

  private int waitForExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("agent on " + node.netns() + " did not exit");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      waitForExit();
    }
  }
}
