package io.secureoverlay.agent.staticconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.secureoverlay.agent.reconcile.NodeDesiredState;
import io.secureoverlay.agent.reconcile.PeerPlan;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StaticConfigParserTest {

  static final String SECRET = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
  static final String VALID =
      """
      {
        "version": 1,
        "node": "a",
        "nodes": [
          { "name": "a", "underlayIp": "10.1.0.1", "index": 1 },
          { "name": "b", "underlayIp": "10.1.0.2", "index": 2 }
        ],
        "epochs": [ { "epoch": 7, "secret": "%s" } ],
        "outboundEpoch": 7,
        "enforce": true
      }
      """
          .formatted(SECRET);

  private final StaticConfigParser parser = new StaticConfigParser();

  @Test
  void theExampleFileParsesIntoADesiredStateForItsNode() throws Exception {
    try (StaticConfig config = parser.parse(example());
        NodeDesiredState state = config.desiredState(Optional.empty())) {
      assertThat(config.cipher()).isEqualTo(Cipher.AES_GCM_128);
      assertThat(config.icv()).isEqualTo(IcvLength.ICV_64);
      assertThat(state.self().name()).isEqualTo("node-a");
      assertThat(state.epochSecrets()).containsOnlyKeys(1L, 2L);
      assertThat(state.peers()).hasSize(2);
      for (PeerPlan peer : state.peers()) {
        assertThat(peer.inboundEpochs()).containsExactly(1L, 2L);
        assertThat(peer.outboundEpoch()).hasValue(1);
        assertThat(peer.enforce()).isFalse();
      }
    }
  }

  @Test
  void defaultsApplyAndNodeCanBeOverridden() throws Exception {
    try (StaticConfig config = parser.parse(bytes(VALID));
        NodeDesiredState state = config.desiredState(Optional.of("b"))) {
      assertThat(config.cipher()).isEqualTo(Cipher.AES_GCM_128);
      assertThat(config.icv()).isEqualTo(IcvLength.ICV_64);
      assertThat(state.self().name()).isEqualTo("b");
      assertThat(state.peer("a").enforce()).isTrue();
      assertThat(state.lifetimes()).isEqualTo(NodeDesiredState.DEFAULT_LIFETIMES);
    }
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"enforce\": true|\"enforce\": true, \"enforcee\": 1|enforcee: unknown field",
        "\"version\": 1|\"version\": 2|version: 2 is not in 1..1",
        "\"underlayIp\": \"10.1.0.2\"|\"underlayIp\": \"10.1.0\"|nodes[1].underlayIp: '10.1.0' is not an IPv4 address",
        "\"underlayIp\": \"10.1.0.2\"|\"underlayIp\": \"localhost\"|nodes[1].underlayIp: 'localhost' is not an IPv4 address",
        "\"index\": 2|\"index\": 1|nodes[1].index: 1 is already used by nodes[0].index",
        "\"index\": 2|\"index\": \"2\"|nodes[1].index: must be a whole number",
        "\"index\": 2|\"index\": -1|nodes[1].index: -1 is not in 0..4194303",
        "\"name\": \"b\"|\"name\": \"a\"|nodes[1].name: 'a' is already used by nodes[0].name",
        "\"outboundEpoch\": 7|\"outboundEpoch\": 8|outboundEpoch: 8 is not one of the listed epochs",
        "\"outboundEpoch\": 7|\"outboundEpoch\": null|enforce: true needs outboundEpoch",
        "\"enforce\": true|\"enforce\": \"yes\"|enforce: must be true or false",
        "\"version\": 1|\"version\": 1, \"cipher\": \"aes-cbc\"|cipher: unknown cipher 'aes-cbc'",
        "\"version\": 1|\"version\": 1, \"icvBits\": 32|icvBits: ICV of 32 bits is not allowed",
        "\"epoch\": 7|\"epoch\": 7, \"note\": 1|epochs[0].note: unknown field",
        "\"version\": 1|\"version\": 1, \"lifetimes\": {\"softPackets\": 9, \"hardPackets\": 5}|lifetimes: softPackets exceeds hardPackets",
        "\"node\": \"a\"|\"node\": \"z\"|node: 'z' is not one of the names in nodes",
      })
  void badInputIsRefusedNamingTheField(String from, String to, String message) {
    String json = VALID.replace(from, to);
    assertThat(json).isNotEqualTo(VALID);

    assertThatThrownBy(() -> parseAndBuild(json))
        .isInstanceOf(StaticConfigException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aBadSecretIsRefusedWithoutShowingIt() {
    String notBase64 = "not*base64*" + SECRET.substring(0, 20);
    assertThatThrownBy(() -> parseAndBuild(VALID.replace(SECRET, notBase64)))
        .hasMessage("epochs[0].secret: not valid base64 (value not shown)")
        .hasMessageNotContaining(notBase64);
    String short16 = "q83vEjRWeJCrze8SNFZ4kA==";
    assertThatThrownBy(() -> parseAndBuild(VALID.replace(SECRET, short16)))
        .hasMessage("epochs[0].secret: decodes to 16 bytes, expected 32");
  }

  @Test
  void aSyntaxErrorGivesThePositionButNotTheText() {
    String broken = VALID.replace("\"" + SECRET + "\"", SECRET);

    assertThatThrownBy(() -> parseAndBuild(broken))
        .isInstanceOf(StaticConfigException.class)
        .hasMessageStartingWith("not valid JSON (syntax error or duplicate key) at line 8")
        .hasMessageNotContaining(SECRET.substring(0, 8));
  }

  @Test
  void aDuplicateKeyIsRefused() {
    String twice = VALID.replace("\"enforce\": true", "\"enforce\": true, \"enforce\": false");

    assertThatThrownBy(() -> parseAndBuild(twice))
        .hasMessageStartingWith("not valid JSON (syntax error or duplicate key)");
  }

  @Test
  void epochsTooFarApartWouldShareSpiSlotsAndAreRefused() {
    String wide =
        VALID.replace(
            "\"epochs\": [ { \"epoch\": 7, \"secret\": \"%s\" } ]".formatted(SECRET),
            "\"epochs\": [ { \"epoch\": 7, \"secret\": \"%s\" }, { \"epoch\": 11, \"secret\": \"%s\" } ]"
                .formatted(SECRET, SECRET));

    assertThatThrownBy(() -> parseAndBuild(wide))
        .hasMessage("epochs: at most 4 consecutive epochs may be listed");
  }

  @Test
  void aMissingNodeNameIsRefusedUnlessGivenOnTheCommandLine() throws Exception {
    String anonymous = VALID.replace("\"node\": \"a\",", "");
    try (StaticConfig config = parser.parse(bytes(anonymous))) {
      assertThatThrownBy(() -> config.desiredState(Optional.empty()))
          .hasMessage("node: missing (name this node in the file or with --node)");
      config.desiredState(Optional.of("a")).close();
    }
  }

  private void parseAndBuild(String json) throws StaticConfigException {
    try (StaticConfig config = parser.parse(bytes(json))) {
      config.desiredState(Optional.empty()).close();
    }
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] example() throws IOException {
    try (InputStream in =
        StaticConfigParserTest.class.getResourceAsStream("/staticconfig/example.json")) {
      return in.readAllBytes();
    }
  }
}
