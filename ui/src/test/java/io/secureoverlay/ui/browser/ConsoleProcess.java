package io.secureoverlay.ui.browser;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged production console, started as its own process on a free port, exactly as an
 * operator runs it ({@code java -jar secureoverlay-console.jar}).
 */
final class ConsoleProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;

  private ConsoleProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static ConsoleProcess start(Path jar, Path log) throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "no console jar at " + jar + ": build it with -Pproduction (the browser profile does)");
    }
    int port = freePort();
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(System.getProperty("java.home") + "/bin/java");
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-jar",
                    jar.toString(),
                    "--server.port=" + port,
                    "--secureoverlay.cluster.name=sandbox",
                    "--secureoverlay.cluster.mode=sandbox"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    ConsoleProcess console = new ConsoleProcess(process, port, log);
    console.awaitReady();
    return console;
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  Path log() {
    return log;
  }

  /** The embedded sandbox's API server, as the console logged it when it connected. */
  String sandboxApiUrl() throws IOException {
    String marker = "event=cluster_connection mode=sandbox api=";
    try (Stream<String> lines = Files.lines(log)) {
      return lines
          .filter(line -> line.contains(marker))
          .map(line -> line.substring(line.indexOf(marker) + marker.length()).strip())
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("the console never logged " + marker));
    }
  }

  private void awaitReady() {
    await("console on port " + port + " (log: " + log + ")")
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(500))
        .failFast("the console process exited", () -> !process.isAlive())
        .until(this::answers);
  }

  private boolean answers() {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create(url("/login")).toURL().openConnection();
      connection.setInstanceFollowRedirects(false);
      connection.setConnectTimeout(1000);
      connection.setReadTimeout(5000);
      return connection.getResponseCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
