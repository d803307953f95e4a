package io.secureoverlay.agent.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** tcpdump on a node's underlay interface; its decoded packets, one a line, when stopped. */
public final class PacketCapture implements AutoCloseable {

  private final Process process;
  private final Path packets;
  private final Path log;

  private PacketCapture(Process process, Path packets, Path log) {
    this.process = process;
    this.packets = packets;
    this.log = log;
  }

  /**
   * Starts capturing on {@code node}'s eth0 with a pcap filter, and waits until tcpdump listens.
   */
  public static PacketCapture start(LabNode node, String filter) {
    try {
      Path packets = Files.createTempFile("lab-" + node.netns(), ".txt");
      Path log = Files.createTempFile("lab-" + node.netns(), ".log");
      // -Z root: tcpdump would otherwise drop to a user that cannot write our files;
      // --immediate-mode: without it the kernel hands packets over in delayed blocks.
      Process p =
          new ProcessBuilder(
                  List.of(
                      "ip",
                      "netns",
                      "exec",
                      node.netns(),
                      "tcpdump",
                      "-Z",
                      "root",
                      "--immediate-mode",
                      "-l",
                      "-nn",
                      "-i",
                      "eth0",
                      filter))
              .redirectOutput(packets.toFile())
              .redirectError(log.toFile())
              .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!Files.readString(log, StandardCharsets.UTF_8).contains("listening on")) {
        if (!p.isAlive() || System.nanoTime() > deadline) {
          p.destroyForcibly();
          throw new IllegalStateException(
              "tcpdump did not start: " + Files.readString(log, StandardCharsets.UTF_8));
        }
        Thread.onSpinWait();
      }
      return new PacketCapture(p, packets, log);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start tcpdump", e);
    }
  }

  /** Stops tcpdump and returns the packets it decoded, one a line. */
  public String stop() {
    process.destroy();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
      return Files.readString(packets, StandardCharsets.UTF_8);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping tcpdump", e);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the capture", e);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      Files.deleteIfExists(packets);
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // temp files in the lab's throw-away /tmp
    }
  }
}
