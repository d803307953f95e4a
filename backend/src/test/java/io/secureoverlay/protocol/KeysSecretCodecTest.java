package io.secureoverlay.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KeysSecretCodecTest {

  private static final byte[] SECRET_41 = KeyMaterial.bytes(KeyRing.SECRET_BYTES, 41);
  private static final byte[] SECRET_42 = KeyMaterial.bytes(KeyRing.SECRET_BYTES, 42);
  private static final byte[] SHORT_KEY = KeyMaterial.bytes(16, 7);
  private static final byte[] LONG_KEY = KeyMaterial.bytes(33, 8);

  /** Every key any case puts in a Secret: none may show up in any message. */
  private static final List<byte[]> ALL_KEYS = List.of(SECRET_41, SECRET_42, SHORT_KEY, LONG_KEY);

  private final KeysSecretCodec codec = new KeysSecretCodec();

  @Test
  void encodesTheDocumentedLayout() {
    Secret secret;
    try (KeyRing ring = KeyMaterial.ring(Cipher.AES_GCM_256, IcvLength.ICV_128, 42, 41)) {
      secret = codec.encode(ring);
    }

    assertThat(secret.getMetadata().getName()).isEqualTo("secureoverlay-keys");
    assertThat(secret.getMetadata().getNamespace()).isEqualTo("secureoverlay-system");
    assertThat(secret.getType()).isEqualTo("Opaque");
    assertThat(secret.getData())
        .containsOnlyKeys("cipher", "icvBits", "epochs", "epoch-41", "epoch-42");
    assertThat(text(secret, "cipher")).isEqualTo("aes-gcm-256");
    assertThat(text(secret, "icvBits")).isEqualTo("128");
    assertThat(text(secret, "epochs")).isEqualTo("41,42");
    assertThat(Base64.getDecoder().decode(secret.getData().get("epoch-41"))).isEqualTo(SECRET_41);
    assertThat(Base64.getDecoder().decode(secret.getData().get("epoch-42"))).isEqualTo(SECRET_42);
  }

  @Test
  void decodeReturnsWhatWasEncoded() {
    try (KeyRing original = KeyMaterial.ring(Cipher.AES_GCM_128, IcvLength.ICV_96, 41, 42);
        KeyRing back = codec.decode(codec.encode(original))) {
      assertThat(back.cipher()).isEqualTo(Cipher.AES_GCM_128);
      assertThat(back.icv()).isEqualTo(IcvLength.ICV_96);
      assertThat(back.epochs()).containsExactly(41L, 42L);
      assertThat(back.secret(41).sameBytesAs(original.secret(41))).isTrue();
      assertThat(back.secret(42).sameBytesAs(original.secret(42))).isTrue();
      assertThat(back.secret(41).sameBytesAs(original.secret(42))).isFalse();
    }
  }

  @Test
  void anEmptyRingRoundTrips() {
    try (KeyRing empty = KeyMaterial.ring(Cipher.AES_GCM_128, IcvLength.ICV_64);
        KeyRing back = codec.decode(codec.encode(empty))) {
      assertThat(text(codec.encode(empty), "epochs")).isEmpty();
      assertThat(back.epochs()).isEmpty();
    }
  }

  @Test
  void listOrderDoesNotMatterAndEpochsComeOutAscending() {
    Secret secret = secret(data -> data.put("epochs", b64("42,41")));

    try (KeyRing ring = codec.decode(secret)) {
      assertThat(ring.epochs()).containsExactly(41L, 42L);
    }
  }

  record Case(String name, Consumer<Map<String, String>> change, String field, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> malformedSecrets() {
    return Stream.of(
        new Case("cipher missing", d -> d.remove("cipher"), "data.cipher", "missing"),
        new Case(
            "cipher not base64",
            d -> d.put("cipher", "aes-gcm-128!"),
            "data.cipher",
            "not valid base64"),
        new Case(
            "cipher unknown",
            d -> d.put("cipher", b64("aes-cbc")),
            "data.cipher",
            "unknown cipher 'aes-cbc': expected aes-gcm-128, aes-gcm-256"),
        new Case(
            "key pasted into cipher",
            d -> d.put("cipher", b64(Base64.getEncoder().encodeToString(SECRET_41))),
            "data.cipher",
            "unknown cipher (44 characters, not shown): expected aes-gcm-128, aes-gcm-256"),
        new Case("icvBits missing", d -> d.remove("icvBits"), "data.icvBits", "missing"),
        new Case(
            "icvBits 32",
            d -> d.put("icvBits", b64("32")),
            "data.icvBits",
            "'32' is not an allowed ICV length: expected 64, 96, 128"),
        new Case(
            "icvBits 064",
            d -> d.put("icvBits", b64("064")),
            "data.icvBits",
            "'064' is not an allowed ICV length: expected 64, 96, 128"),
        new Case("epochs missing", d -> d.remove("epochs"), "data.epochs", "missing"),
        new Case(
            "epoch listed twice",
            d -> d.put("epochs", b64("41,41,42")),
            "data.epochs",
            "epoch 41 is listed twice"),
        new Case(
            "non-numeric epoch in list",
            d -> d.put("epochs", b64("41,abc")),
            "data.epochs",
            "item 2 'abc' is not an epoch number: expected decimal without sign, spaces or leading"
                + " zeros, e.g. 41,42"),
        new Case(
            "leading zero in list",
            d -> d.put("epochs", b64("041,42")),
            "data.epochs",
            "item 1 '041' is not an epoch number: expected decimal without sign, spaces or leading"
                + " zeros, e.g. 41,42"),
        new Case(
            "space in list",
            d -> d.put("epochs", b64("41, 42")),
            "data.epochs",
            "item 2 (3 characters, not shown) is not an epoch number: expected decimal without"
                + " sign, spaces or leading zeros, e.g. 41,42"),
        new Case(
            "listed but missing",
            d -> d.put("epochs", b64("41,42,43")),
            "data.epoch-43",
            "missing, but data.epochs lists epoch 43"),
        new Case(
            "present but not listed",
            d -> d.put("epochs", b64("42")),
            "data.epoch-41",
            "present, but data.epochs does not list epoch 41"),
        new Case(
            "two keys for one epoch",
            d -> d.put("epoch-041", d.get("epoch-41")),
            "data.epoch-041",
            "duplicate epoch 41: data.epoch-041 and data.epoch-41 both hold it"),
        new Case(
            "leading zero in key",
            d -> d.put("epoch-041", d.remove("epoch-41")),
            "data.epoch-041",
            "write the epoch number without leading zeros: epoch-41"),
        new Case(
            "non-numeric epoch key",
            d -> d.put("epoch-abc", d.get("epoch-41")),
            "data.epoch-abc",
            "'abc' is not an epoch number"),
        new Case(
            "unexpected key",
            d -> d.put("salt", d.get("epoch-41")),
            "data.salt",
            "unexpected key: expected cipher, icvBits, epochs or epoch-<n>"),
        new Case(
            "secret not base64",
            d -> d.put("epoch-42", d.get("epoch-42").replace('=', '!')),
            "data.epoch-42",
            "not valid base64"),
        new Case(
            "secret with a line break",
            d ->
                d.put(
                    "epoch-42",
                    Base64.getMimeEncoder(8, new byte[] {'\n'}).encodeToString(SECRET_42)),
            "data.epoch-42",
            "not valid base64"),
        new Case(
            "secret too short",
            d -> d.put("epoch-42", Base64.getEncoder().encodeToString(SHORT_KEY)),
            "data.epoch-42",
            "16 bytes, expected 32"),
        new Case(
            "secret too long",
            d -> d.put("epoch-42", Base64.getEncoder().encodeToString(LONG_KEY)),
            "data.epoch-42",
            "33 bytes, expected 32"),
        new Case(
            "secret empty", d -> d.put("epoch-42", ""), "data.epoch-42", "0 bytes, expected 32"),
        new Case("secret null", d -> d.put("epoch-42", null), "data.epoch-42", "missing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedSecrets")
  void malformedSecretsAreRefusedNamingTheFieldWithoutKeyMaterial(Case c) {
    Secret secret = secret(c.change());

    KeysSecretFormatException e =
        catchThrowableOfType(KeysSecretFormatException.class, () -> codec.decode(secret));

    assertThat(e).as("decode must refuse").isNotNull();
    assertThat(e.field()).isEqualTo(c.field());
    assertThat(e.getMessage()).isEqualTo(c.field() + ": " + c.message());
    assertThat(e.getCause()).isNull();
    KeyMaterial.assertFreeOfKeys(e.toString(), ALL_KEYS);
  }

  @Test
  void aMissingSecretOrDataIsNamed() {
    assertThatThrownBy(() -> codec.decode(null))
        .isInstanceOf(KeysSecretFormatException.class)
        .hasMessage("secret: missing");
    Secret noData = new SecretBuilder().withNewMetadata().withName("x").endMetadata().build();
    assertThatThrownBy(() -> codec.decode(noData))
        .hasMessage(
            "data: missing: expected cipher, icvBits, epochs and one epoch-<n> per listed epoch");
    Secret emptyData = new SecretBuilder(noData).withData(Map.of()).build();
    assertThatThrownBy(() -> codec.decode(emptyData)).hasMessageStartingWith("data: missing");
  }

  private static Secret secret(Consumer<Map<String, String>> change) {
    Secret valid;
    try (KeyRing ring = KeyMaterial.ring(Cipher.AES_GCM_128, IcvLength.ICV_64, 41, 42)) {
      valid = new KeysSecretCodec().encode(ring);
    }
    Map<String, String> data = new LinkedHashMap<>(valid.getData());
    change.accept(data);
    return new SecretBuilder(valid).withData(data).build();
  }

  private static String text(Secret secret, String key) {
    return new String(
        Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
