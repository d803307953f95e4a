package io.secureoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The acceptance figures, through the command line, as text and as JSON. */
class MtuCommandTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void at1500WithIcv64TheDocumentedFigureIsSafe() {
    CliRun run = CliRun.of("mtu", "--ext-mtu", "1500", "--icv", "64");

    assertSuccess(run);
    assertThat(run.out())
        .containsPattern("Exact tunnel MTU\\s+1454 ")
        .containsPattern("Documented rule\\s+1452 .*safe, 2 bytes below the exact figure")
        .doesNotContain("WARNING");
  }

  @Test
  void at1450WithIcv64TheDocumentedFigureFragments() {
    CliRun run = CliRun.of("mtu", "--ext-mtu", "1450", "--icv", "64");

    assertSuccess(run);
    assertThat(run.out())
        .containsPattern("Exact tunnel MTU\\s+1402 ")
        .containsPattern("Documented rule\\s+1404 .*2 bytes too big");
    assertThat(run.out().lines().filter(line -> line.startsWith("WARNING:")))
        .singleElement()
        .asString()
        .contains("gives 1404, 2 bytes above the exact 1402")
        .contains("inner packets of 1403 to 1404 bytes")
        .contains("1452 bytes on the wire, 2 over the 1450-byte external MTU")
        .contains("Use 1402.");
  }

  @Test
  void at1500WithIcv128TheDocumentedFigureFragments() {
    CliRun run = CliRun.of("mtu", "--ext-mtu", "1500", "--icv", "128");

    assertSuccess(run);
    assertThat(run.out())
        .containsPattern("Exact tunnel MTU\\s+1446 ")
        .containsPattern("Documented rule\\s+1452 .*6 bytes too big")
        .contains("WARNING: the documented rule gives 1452, 6 bytes above the exact 1446")
        .contains("inner packets of 1447 to 1452 bytes")
        .contains("1508 bytes on the wire, 8 over the 1500-byte external MTU");
  }

  @Test
  void textShowsTheOverheadAndTheConfigLines() {
    CliRun run = CliRun.of("mtu", "--ext-mtu", "1450", "--icv", "64");

    assertThat(run.out())
        .containsPattern("outer IPv4 header\\s+20")
        .containsPattern("ESP header\\s+8")
        .containsPattern("IV\\s+8")
        .containsPattern("padding\\s+0")
        .containsPattern("ESP trailer\\s+2")
        .containsPattern("ICV\\s+8")
        .containsPattern("alignment slack\\s+2")
        .containsPattern("total\\s+48 {2}= 1450 - 1402")
        .contains("[cluster_config]")
        .contains("calico_mtu = \"1402\"")
        .contains("ipip_mtu = \"1402\"")
        .contains("apiVersion: projectcalico.org/v3")
        .contains("kind: FelixConfiguration")
        .contains("ipipMTU: 1402")
        .contains("does not change the MTU");
  }

  @Test
  void theSmallestOfSeveralExternalMtusGoverns() {
    CliRun repeated =
        CliRun.of("mtu", "--ext-mtu", "9000", "--ext-mtu", "1450", "--ext-mtu", "1500");
    CliRun commaSeparated = CliRun.of("mtu", "--ext-mtu", "1500,1450,9000");

    assertSuccess(repeated);
    assertThat(repeated.out())
        .containsPattern("External MTU\\s+1450 {2}the smallest of 9000, 1450, 1500")
        .containsPattern("Exact tunnel MTU\\s+1402 ");
    assertSuccess(commaSeparated);
    assertThat(commaSeparated.out()).containsPattern("Exact tunnel MTU\\s+1402 ");
  }

  @Test
  void jsonAt1500WithIcv64() {
    JsonNode json = json("mtu", "--ext-mtu", "1500", "--icv", "64", "--output", "json");

    assertThat(json.get("extMtu").asInt()).isEqualTo(1500);
    assertThat(json.get("icvBits").asInt()).isEqualTo(64);
    assertThat(json.get("exactTunnelMtu").asInt()).isEqualTo(1454);
    assertThat(json.get("documentedTunnelMtu").asInt()).isEqualTo(1452);
    assertThat(json.get("documentedFragments").asBoolean()).isFalse();
    assertThat(json.get("affectedInnerPacketBytes").isNull()).isTrue();
    assertThat(json.get("overhead").get("total").asInt()).isEqualTo(1500 - 1454);
  }

  @Test
  void jsonAt1450WithIcv64() {
    JsonNode json = json("mtu", "--ext-mtu", "1450", "--icv", "64", "--output", "json");

    assertThat(json.get("exactTunnelMtu").asInt()).isEqualTo(1402);
    assertThat(json.get("documentedTunnelMtu").asInt()).isEqualTo(1404);
    assertThat(json.get("documentedFragments").asBoolean()).isTrue();
    assertThat(json.get("documentedExcessBytes").asInt()).isEqualTo(2);
    assertThat(json.get("affectedInnerPacketBytes").get("from").asInt()).isEqualTo(1403);
    assertThat(json.get("affectedInnerPacketBytes").get("to").asInt()).isEqualTo(1404);
    assertThat(json.get("documentedWireBytes").asInt()).isEqualTo(1452);
    JsonNode overhead = json.get("overhead");
    assertThat(overhead.get("outerIpHeader").asInt()).isEqualTo(20);
    assertThat(overhead.get("espHeader").asInt()).isEqualTo(8);
    assertThat(overhead.get("iv").asInt()).isEqualTo(8);
    assertThat(overhead.get("padding").asInt()).isEqualTo(0);
    assertThat(overhead.get("trailer").asInt()).isEqualTo(2);
    assertThat(overhead.get("icv").asInt()).isEqualTo(8);
    assertThat(overhead.get("alignmentSlack").asInt()).isEqualTo(2);
    assertThat(overhead.get("total").asInt()).isEqualTo(48);
    assertThat(json.get("config").get("ucpConfigToml").asString())
        .contains("calico_mtu = \"1402\"")
        .contains("ipip_mtu = \"1402\"");
    assertThat(json.get("config").get("calicoFelixConfigurationYaml").asString())
        .contains("ipipMTU: 1402");
  }

  @Test
  void jsonAt1500WithIcv128() {
    JsonNode json = json("mtu", "--ext-mtu", "1500", "--icv", "128", "--output", "json");

    assertThat(json.get("icvBits").asInt()).isEqualTo(128);
    assertThat(json.get("exactTunnelMtu").asInt()).isEqualTo(1446);
    assertThat(json.get("documentedTunnelMtu").asInt()).isEqualTo(1452);
    assertThat(json.get("documentedFragments").asBoolean()).isTrue();
    assertThat(json.get("overhead").get("icv").asInt()).isEqualTo(16);
  }

  @Test
  void jsonListsEveryInputAndTheGoverningOne() {
    JsonNode json =
        json(
            "mtu",
            "--ext-mtu",
            "1500",
            "--ext-mtu",
            "1450",
            "--cipher",
            "aes-gcm-256",
            "--family",
            "ipv4",
            "--output",
            "json");

    assertThat(json.get("extMtu").asInt()).isEqualTo(1450);
    assertThat(json.get("extMtus").values())
        .extracting(JsonNode::asInt)
        .containsExactly(1500, 1450);
    assertThat(json.get("cipher").asString()).isEqualTo("aes-gcm-256");
    assertThat(json.get("family").asString()).isEqualTo("ipv4");
    assertThat(json.get("exactTunnelMtu").asInt()).isEqualTo(1402);
  }

  @Test
  void ipv6UnderlayThroughTheCli() {
    JsonNode json =
        json("mtu", "--ext-mtu", "1500", "--family", "ipv6", "--icv", "64", "--output", "json");

    assertThat(json.get("family").asString()).isEqualTo("ipv6");
    assertThat(json.get("exactTunnelMtu").asInt()).isEqualTo(1434);
    assertThat(json.get("overhead").get("outerIpHeader").asInt()).isEqualTo(40);
  }

  @Test
  void icvDefaultsToTheProductDefaultOf64() {
    CliRun run = CliRun.of("mtu", "--ext-mtu", "1450");

    assertSuccess(run);
    assertThat(run.out()).contains("64-bit ICV").containsPattern("Exact tunnel MTU\\s+1402 ");
  }

  private static JsonNode json(String... args) {
    CliRun run = CliRun.of(args);
    assertSuccess(run);
    return JSON.readTree(run.out());
  }

  private static void assertSuccess(CliRun run) {
    assertThat(run.err()).as("stderr").isEmpty();
    assertThat(run.exitCode()).as("exit code").isZero();
  }
}
