package io.secureoverlay.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.dataplane.DataplaneFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentMainTest {

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void theExampleConfigIsAppliedToTheSimulatedDataplane() throws IOException {
    Path config = example();

    int code =
        run(
            List.of(DataplaneFactory.SIMULATED),
            "--static-config",
            config.toString(),
            "--dataplane",
            "simulated",
            "--once");

    assertThat(code).isZero();
    String printed = out.toString(StandardCharsets.UTF_8);
    // Two peers: inbound SAs for epochs 1 and 2 from each, one outbound SA and policy to each.
    assertThat(printed.lines()).hasSize(8);
    assertThat(printed.lines().filter(l -> l.startsWith("add policy out"))).hasSize(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void kubernetesModeWithoutANodeNameExitsTwoWithOneLine() {
    int code = run(List.of(DataplaneFactory.SIMULATED), "--dataplane", "simulated");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "error: Kubernetes mode needs the node name: --node NAME or the NODE_NAME environment"
                + " variable (or run static mode with --static-config FILE)");
  }

  @Test
  void kubernetesModeTakesTheNodeNameFromTheEnvironment() {
    int code =
        AgentMain.run(
            new String[] {"--dataplane", "simulated"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            List.of(DataplaneFactory.SIMULATED),
            Map.of("NODE_NAME", "node-1"),
            false);

    assertThat(code).isZero();
    assertThat(err.size()).isZero();
  }

  @Test
  void kubernetesModeRefusesOptionsOfStaticModeAndBadFigures() {
    assertThat(
            run(
                List.of(DataplaneFactory.SIMULATED),
                "--node",
                "n",
                "--dataplane",
                "simulated",
                "--once"))
        .isEqualTo(2);
    assertThat(
            run(
                List.of(DataplaneFactory.SIMULATED),
                "--node",
                "n",
                "--dataplane",
                "simulated",
                "--interface-mtu",
                "40"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "error: --once applies to static mode only (--static-config FILE)",
            "error: --interface-mtu 40 is not in 68..65535");
  }

  @Test
  void anUnknownOptionExitsTwo() {
    int code = run(List.of(DataplaneFactory.SIMULATED), "--stattic-config", "x");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: Unknown option");
  }

  @Test
  void anUnavailableDataplaneIsNamedWithTheAvailableOnes() throws IOException {
    int code = run(List.of(DataplaneFactory.SIMULATED), "--static-config", example().toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .containsExactly("error: --dataplane kernel is not available; available: simulated");
  }

  @Test
  void aBadConfigExitsTwoNamingTheFieldAndChangesNothing() throws IOException {
    Path config = dir.resolve("bad.json");
    Files.writeString(
        config, Files.readString(example()).replace("\"icvBits\": 64", "\"icvBits\": 65"));

    int code =
        run(
            List.of(DataplaneFactory.SIMULATED),
            "--static-config",
            config.toString(),
            "--dataplane",
            "simulated",
            "--once");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("icvBits: ICV of 65 bits is not allowed");
    assertThat(out.size()).isZero();
  }

  private int run(List<DataplaneFactory> factories, String... args) {
    return AgentMain.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        factories,
        false);
  }

  private Path example() throws IOException {
    Path config = dir.resolve("example.json");
    try (InputStream in = getClass().getResourceAsStream("/staticconfig/example.json")) {
      Files.write(config, in.readAllBytes());
    }
    return config;
  }
}
