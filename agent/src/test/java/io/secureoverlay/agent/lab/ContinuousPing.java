package io.secureoverlay.agent.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A ping that keeps running (100 a second by default) while a test changes the data plane, and says
 * at the end how many packets were lost: the figure every transition is judged by.
 */
public final class ContinuousPing {

  private final Process process;
  private final Path output;
  private final String label;

  private ContinuousPing(Process process, Path output, String label) {
    this.process = process;
    this.output = output;
    this.label = label;
  }

  /** Starts {@code count} pings from {@code from}'s pod address to {@code to}'s, 10 ms apart. */
  public static ContinuousPing start(LabNode from, LabNode to, int count) {
    try {
      Path out = Files.createTempFile("ping-" + from.netns(), ".txt");
      Process p =
          new ProcessBuilder(
                  List.of(
                      "ip",
                      "netns",
                      "exec",
                      from.netns(),
                      "ping",
                      "-n",
                      "-q",
                      "-i",
                      "0.01",
                      "-W",
                      "1",
                      "-c",
                      Integer.toString(count),
                      "-I",
                      from.podIp(),
                      to.podIp()))
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      return new ContinuousPing(p, out, from.podIp() + " -> " + to.podIp());
    } catch (IOException e) {
      throw new IllegalStateException("cannot start ping", e);
    }
  }

  public String label() {
    return label;
  }

  /** Waits for the last ping and returns what ping counted. */
  public LabNetwork.PingResult finish() {
    try {
      if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("ping " + label + " did not finish");
      }
      return LabNetwork.PingResult.parse(Files.readString(output, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read ping output", e);
    }
  }
}
