package io.secureoverlay.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.secureoverlay.model.Cipher;
import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The HKDF info, written out by hand from the documented layout, field by field. */
class PairKeyContextTest {

  static final String LABEL_HEX =
      "14" // length 20
          + "7365637572656f7665726c61792f6573702f7631"; // "secureoverlay/esp/v1"

  @Test
  void ipv4InfoMatchesTheDocumentedLayout() throws Exception {
    PairKeyContext context =
        new PairKeyContext(
            258,
            InetAddress.getByName("10.0.0.1"),
            InetAddress.getByName("10.0.0.2"),
            Cipher.AES_GCM_128);

    assertThat(HexFormat.of().formatHex(context.info()))
        .isEqualTo(
            LABEL_HEX
                + "0000000000000102" // epoch 258, u64 big-endian
                + "0b" // length 11
                + "6165732d67636d2d313238" // "aes-gcm-128"
                + "04"
                + "0a000001" // source family 4, 10.0.0.1
                + "04"
                + "0a000002"); // destination family 4, 10.0.0.2
  }

  @Test
  void ipv6InfoMatchesTheDocumentedLayout() throws Exception {
    PairKeyContext context =
        new PairKeyContext(
            Long.MAX_VALUE,
            InetAddress.getByName("fd00::1"),
            InetAddress.getByName("fd00::a00:1"),
            Cipher.AES_GCM_256);

    assertThat(HexFormat.of().formatHex(context.info()))
        .isEqualTo(
            LABEL_HEX
                + "7fffffffffffffff" // epoch Long.MAX_VALUE
                + "0b" // length 11
                + "6165732d67636d2d323536" // "aes-gcm-256"
                + "06"
                + "fd00"
                + "0000".repeat(6)
                + "0001" // source family 6, fd00::1
                + "06"
                + "fd00"
                + "0000".repeat(5)
                + "0a00"
                + "0001"); // fd00::a00:1
  }

  @Test
  void toStringShowsOnlyPublicFields() throws Exception {
    PairKeyContext context =
        new PairKeyContext(
            1,
            InetAddress.getByName("10.0.0.1"),
            InetAddress.getByName("10.0.0.2"),
            Cipher.AES_GCM_128);

    assertThat(context.toString()).contains("epoch=1", "10.0.0.1", "10.0.0.2", "aes-gcm-128");
  }
}
