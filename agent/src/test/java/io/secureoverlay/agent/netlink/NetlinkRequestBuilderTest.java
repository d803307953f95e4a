package io.secureoverlay.agent.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class NetlinkRequestBuilderTest {

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  @Test
  void payloadAndAttributesArePaddedToFourBytesWithZeros() {
    NetlinkRequest r =
        NetlinkRequestBuilder.create(0x10, 0x5)
            .payload(3, b -> b.put(new byte[] {1, 2, 3}))
            .attribute(7, new byte[] {9})
            .attributeU32(8, 0x01020304)
            .build();
    byte[] bytes = r.encode(0x11223344);
    // native order is little-endian on the platforms the agent runs on (x86-64, arm64)
    assertThat(hex(bytes))
        .isEqualTo(
            "24000000"
                + "1000"
                + "0500"
                + "44332211"
                + "00000000" // nlmsghdr, len 36
                + "01020300" // payload + 1 pad
                + "0500"
                + "0700"
                + "09000000" // nla_len 5 (without padding), type 7, 1 + 3 pad
                + "0800"
                + "0800"
                + "04030201"); // u32 attribute
    assertThat(r.length()).isEqualTo(36);
  }

  @Test
  void nestedAttributesCarryTheNestedFlagAndTheirWholeLength() {
    byte[] bytes =
        NetlinkRequestBuilder.create(0x10, 1)
            .beginNested(3)
            .attributeU32(1, 7)
            .attributeU32(2, 8)
            .endNested()
            .build()
            .encode(1);
    assertThat(hex(bytes).substring(32))
        .isEqualTo("1400" + "0380" + "0800010007000000" + "0800020008000000");
  }

  @Test
  void aStructWriterThatWritesOtherThanItDeclaredIsRejected() {
    assertThatThrownBy(() -> NetlinkRequestBuilder.create(1, 1).payload(8, b -> b.putInt(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("declared 8 bytes but wrote 4");
  }

  @Test
  void thePayloadComesFirstAndOnce() {
    assertThatThrownBy(
            () ->
                NetlinkRequestBuilder.create(1, 1).attributeU32(1, 1).payload(4, b -> b.putInt(1)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void unbalancedNestingIsRejected() {
    assertThatThrownBy(() -> NetlinkRequestBuilder.create(1, 1).beginNested(1).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("left open");
    assertThatThrownBy(() -> NetlinkRequestBuilder.create(1, 1).endNested())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void growingPastTheInitialBufferKeepsEveryByte() {
    byte[] big = new byte[3000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) i;
    }
    byte[] bytes =
        NetlinkRequestBuilder.create(1, 1)
            .sensitive()
            .payload(8, b -> b.putLong(-1))
            .attribute(1, big)
            .build()
            .encode(1);
    byte[] value = java.util.Arrays.copyOfRange(bytes, 16 + 8 + 4, 16 + 8 + 4 + 3000);
    assertThat(value).isEqualTo(big);
  }

  @Test
  void aWipedRequestHoldsOnlyZerosAndItsStringShowsNoBytes() {
    NetlinkRequest r =
        NetlinkRequestBuilder.create(0x10, 5)
            .sensitive()
            .payload(4, b -> b.put(new byte[] {0x5a, 0x5a, 0x5a, 0x5a}))
            .build();
    assertThat(r.toString())
        .isEqualTo("NetlinkRequest[type=16, flags=0x5, 4 body bytes, sensitive]");
    r.wipe();
    assertThat(java.util.Arrays.copyOfRange(r.encode(1), 16, 20)).containsOnly(0);
  }

  @Test
  void typeAndFlagsMustFitTheirSixteenBits() {
    assertThatThrownBy(() -> NetlinkRequestBuilder.create(0x10000, 0).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
