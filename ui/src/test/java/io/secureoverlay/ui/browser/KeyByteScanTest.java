package io.secureoverlay.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeyByteScanTest {

  private final byte[] secret = new byte[20];
  private final KeyByteScan scan = new KeyByteScan();

  KeyByteScanTest() {
    new SplittableRandom(42).nextBytes(secret);
    scan.add("epoch 3 secret", secret);
  }

  @Test
  void findsTheSecretInHexOfEitherCase() {
    String hex = HexFormat.of().formatHex(secret);
    assertThat(scan.firstFound("key=" + hex.toUpperCase() + " end")).isPresent();
    assertThat(scan.firstFound("{\"k\":\"" + hex + "\"}")).isPresent();
  }

  @Test
  void findsAnEightByteRunPrintedOnItsOwn() {
    String hex = HexFormat.of().formatHex(secret);
    assertThat(scan.firstFound("debug prefix " + hex.substring(10, 26)))
        .hasValueSatisfying(label -> assertThat(label).contains("bytes 5..12"));
  }

  @Test
  void findsBase64AndUrlSafeBase64() {
    assertThat(scan.firstFound(Base64.getEncoder().encodeToString(secret))).isPresent();
    assertThat(scan.firstFound(Base64.getUrlEncoder().withoutPadding().encodeToString(secret)))
        .isPresent();
  }

  @Test
  void namesWhatItFoundWithoutTheBytes() {
    String found = scan.firstFound(HexFormat.of().formatHex(secret)).orElseThrow();
    assertThat(found).startsWith("epoch 3 secret").doesNotContain(HexFormat.of().formatHex(secret));
  }

  @Test
  void staysQuietOnOrdinaryConsoleText() {
    assertThat(
            scan.firstFound(
                "Epoch 3 \u00b7 fp 9f86d081884c7d65 \u00b7 6 / 6 nodes encrypting \u00b7 SPI 0x5e000001"))
        .isEmpty();
    // Seven bytes of the key are below the window: not reported.
    assertThat(scan.firstFound(HexFormat.of().formatHex(secret).substring(0, 14))).isEmpty();
  }
}
