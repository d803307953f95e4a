package io.secureoverlay.agent.netlink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A fresh network namespace for a privileged test (created with {@code ip netns add}, deleted on
 * close), plus a way to run {@code ip -n NAME ...} and other commands in it. Only for *IT tests,
 * which run as root inside the kernel lab.
 */
public final class LabNamespace implements AutoCloseable {

  private final String name;

  private LabNamespace(String name) {
    this.name = name;
  }

  public static LabNamespace create(String prefix) {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    run("ip", "netns", "add", name);
    LabNamespace ns = new LabNamespace(name);
    ns.ip("link", "set", "lo", "up");
    return ns;
  }

  public String name() {
    return name;
  }

  public NetworkNamespace open() {
    return NetworkNamespace.open(name);
  }

  /** Runs {@code ip -n NAME ARGS...}; fails the test on a non-zero exit. */
  public String ip(String... args) {
    List<String> cmd = new ArrayList<>(List.of("ip", "-n", name));
    cmd.addAll(List.of(args));
    return run(cmd.toArray(String[]::new));
  }

  /** Runs {@code ip netns exec NAME ARGS...}; fails the test on a non-zero exit. */
  public String exec(String... args) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
    cmd.addAll(List.of(args));
    return run(cmd.toArray(String[]::new));
  }

  /** Runs {@code ip netns exec NAME ARGS...} and returns its exit status. */
  public int execStatus(String... args) {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
    cmd.addAll(List.of(args));
    try {
      Process p =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + String.join(" ", cmd));
      }
      return p.exitValue();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + String.join(" ", cmd), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", cmd), e);
    }
  }

  @Override
  public void close() {
    run("ip", "netns", "del", name);
  }

  public static String run(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + String.join(" ", cmd));
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", cmd) + " exited " + p.exitValue() + ": " + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + String.join(" ", cmd), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", cmd), e);
    }
  }
}
