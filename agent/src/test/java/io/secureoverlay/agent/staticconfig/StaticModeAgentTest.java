package io.secureoverlay.agent.staticconfig;

import static io.secureoverlay.agent.staticconfig.StaticConfigParserTest.SECRET;
import static io.secureoverlay.agent.staticconfig.StaticConfigParserTest.VALID;
import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.agent.dataplane.DataplaneChange.DeleteSa;
import io.secureoverlay.agent.dataplane.SaState;
import io.secureoverlay.agent.dataplane.SimulatedDataplane;
import io.secureoverlay.agent.reconcile.DesiredXfrmBuilder;
import io.secureoverlay.agent.reconcile.NodeReconciler;
import io.secureoverlay.agent.staticconfig.StaticModeAgent.PollResult;
import io.secureoverlay.crypto.PairKeyDeriver;
import io.secureoverlay.spi.SpiAllocator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticModeAgentTest {

  @TempDir Path dir;
  private Path file;
  private final SimulatedDataplane dataplane = new SimulatedDataplane();
  private final MutableClock clock = new MutableClock();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private StaticModeAgent agent;

  @BeforeEach
  void setUp() throws IOException {
    file = dir.resolve("static.json");
    write(VALID);
    NodeReconciler reconciler =
        new NodeReconciler(
            dataplane, new DesiredXfrmBuilder(new PairKeyDeriver(), new SpiAllocator()), clock);
    agent =
        new StaticModeAgent(
            file,
            Optional.empty(),
            reconciler,
            clock,
            Duration.ofSeconds(60),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void theFirstPollInstallsTheFileAndPrintsOneLinePerChange() {
    assertThat(agent.poll()).isEqualTo(PollResult.RECONCILED);

    // One peer: inbound SA, outbound SA, out policy, in policy.
    assertThat(lines(out))
        .hasSize(4)
        .anyMatch(l -> l.startsWith("add sa esp dst 10.1.0.1 spi 0x5e"))
        .anyMatch(l -> l.startsWith("add policy in 10.1.0.2/32 -> 10.1.0.1/32 proto 4"));
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET.substring(0, 10));
    assertThat(dataplane.dumpSas()).hasSize(2);
    assertThat(dataplane.dumpPolicies()).hasSize(2);
  }

  @Test
  void anUnchangedFileIsNotReconciledAgainUntilResync() {
    agent.poll();
    out.reset();

    assertThat(agent.poll()).isEqualTo(PollResult.UNCHANGED);
    assertThat(out.size()).isZero();
  }

  @Test
  void aChangedFileIsAppliedWithTheFewestChanges() throws IOException {
    agent.poll();
    out.reset();
    write(VALID.replace("\"enforce\": true", "\"enforce\": false"));

    assertThat(agent.poll()).isEqualTo(PollResult.RECONCILED);
    assertThat(lines(out)).containsExactly("delete policy in 10.1.0.2/32 -> 10.1.0.1/32 proto 4");
  }

  @Test
  void aBrokenFileChangesNothingAndSaysWhy() throws IOException {
    agent.poll();
    List<SaState> before = dataplane.dumpSas();
    out.reset();
    write(VALID.replace("\"index\": 2", "\"index\": 1"));

    assertThat(agent.poll()).isEqualTo(PollResult.REJECTED);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("nodes[1].index: 1 is already used by nodes[0].index")
        .contains("(nothing changed)");
    assertThat(out.size()).isZero();
    assertThat(dataplane.dumpSas()).isEqualTo(before);
    assertThat(dataplane.dumpPolicies()).hasSize(2);
  }

  @Test
  void driftIsRepairedAtTheNextResync() {
    agent.poll();
    SaState removedByHand = dataplane.dumpSas().get(0);
    dataplane.apply(List.of(new DeleteSa(removedByHand.id())));
    out.reset();

    clock.advance(Duration.ofSeconds(59));
    assertThat(agent.poll()).isEqualTo(PollResult.UNCHANGED);
    clock.advance(Duration.ofSeconds(1));
    assertThat(agent.poll()).isEqualTo(PollResult.RECONCILED);

    assertThat(lines(out)).singleElement().asString().startsWith("add sa " + removedByHand.id());
    assertThat(dataplane.dumpSas()).hasSize(2);
  }

  @Test
  void removeAllTakesEverythingOwnedAway() {
    agent.poll();
    out.reset();

    agent.removeAll();

    assertThat(lines(out)).hasSize(4).allMatch(l -> l.startsWith("delete "));
    assertThat(dataplane.allSas()).isEmpty();
    assertThat(dataplane.allPolicies()).isEmpty();
  }

  @Test
  void droppedPacketsCountedByTheKernelAreReportedAsTheyHappen() {
    Map<String, Long> counters = new HashMap<>(Map.of("XfrmInStateProtoError", 0L));
    StaticModeAgent watching =
        new StaticModeAgent(
            file,
            Optional.empty(),
            new NodeReconciler(
                dataplane, new DesiredXfrmBuilder(new PairKeyDeriver(), new SpiAllocator()), clock),
            clock,
            Duration.ofSeconds(60),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            () -> Map.copyOf(counters));
    watching.poll();
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("dropped");

    counters.put("XfrmInStateProtoError", 12L); // a peer encrypts with a key we do not have
    watching.poll();

    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("warning: the kernel dropped packets: XfrmInStateProtoError=+12(total 12)");
  }

  private void write(String json) throws IOException {
    Files.writeString(file, json);
  }

  static List<String> lines(ByteArrayOutputStream stream) {
    String text = stream.toString(StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }
}
