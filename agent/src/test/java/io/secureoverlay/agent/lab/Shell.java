package io.secureoverlay.agent.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs lab commands (ip, ping, tcpdump) and fails loudly with their output when they fail. */
public final class Shell {

  private Shell() {}

  /** The result of a finished command. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {
    public Result requireSuccess() {
      if (exitCode != 0) {
        throw new IllegalStateException(
            "command failed (exit " + exitCode + "): " + String.join(" ", command) + "\n" + stderr);
      }
      return this;
    }
  }

  public static Result run(String... command) {
    return run(List.of(command));
  }

  public static Result run(List<String> command) {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      byte[] out = p.getInputStream().readAllBytes();
      byte[] err = p.getErrorStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("command timed out: " + String.join(" ", command));
      }
      return new Result(
          command,
          p.exitValue(),
          new String(out, StandardCharsets.UTF_8),
          new String(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  /** Runs and requires exit status 0. */
  public static String check(String... command) {
    return run(command).requireSuccess().stdout();
  }
}
