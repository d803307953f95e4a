package io.secureoverlay.agent.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class NetlinkAttributesTest {

  private static ByteBuffer body(int... shortsAndBytes) {
    ByteBuffer b = ByteBuffer.allocate(shortsAndBytes.length).order(ByteOrder.nativeOrder());
    for (int v : shortsAndBytes) {
      b.put((byte) v);
    }
    return b.flip();
  }

  private static ByteBuffer attrs(Object... typeAndValues) {
    ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
    for (int i = 0; i < typeAndValues.length; i += 2) {
      byte[] v = (byte[]) typeAndValues[i + 1];
      b.putShort((short) (4 + v.length)).putShort((short) (int) (Integer) typeAndValues[i]).put(v);
      while (b.position() % 4 != 0) {
        b.put((byte) 0);
      }
    }
    return b.flip();
  }

  @Test
  void findsAttributesByTypeWithTheirValues() {
    NetlinkAttributes a =
        NetlinkAttributes.parse(attrs(5, new byte[] {1, 2, 3}, 7, new byte[] {4, 0, 0, 0}), 0);
    assertThat(a.all()).extracting(NetlinkAttributes.Attribute::type).containsExactly(5, 7);
    assertThat(a.first(5).orElseThrow().valueLength()).isEqualTo(3);
    assertThat(a.u32(a.first(7).orElseThrow())).isEqualTo(4);
    assertThat(a.first(6)).isEmpty();
  }

  @Test
  void theNestedFlagIsMaskedOffTheTypeAndReported() {
    ByteBuffer inner = attrs(1, new byte[] {9, 0, 0, 0});
    byte[] innerBytes = new byte[inner.remaining()];
    inner.get(innerBytes);
    NetlinkAttributes a = NetlinkAttributes.parse(attrs(0x8003, innerBytes), 0);
    NetlinkAttributes.Attribute outer = a.first(3).orElseThrow();
    assertThat(outer.nested()).isTrue();
    NetlinkAttributes nested = a.nested(outer);
    assertThat(nested.u32(nested.first(1).orElseThrow())).isEqualTo(9);
  }

  @Test
  void anAttributeLongerThanWhatRemainsIsRejected() {
    ByteBuffer b = body(0x20, 0, 1, 0, 0, 0, 0, 0);
    assertThatThrownBy(() -> NetlinkAttributes.parse(b, 0))
        .isInstanceOf(NetlinkParseException.class)
        .hasMessageContaining("nla_len 32 but 8 bytes remain");
  }

  @Test
  void anAttributeShorterThanItsHeaderIsRejected() {
    assertThatThrownBy(() -> NetlinkAttributes.parse(body(2, 0, 1, 0), 0))
        .isInstanceOf(NetlinkParseException.class)
        .hasMessageContaining("nla_len 2");
  }

  @Test
  void leftoverBytesTooShortForAnAttributeAreRejected() {
    assertThatThrownBy(() -> NetlinkAttributes.parse(body(4, 0, 1, 0, 9, 9), 0))
        .isInstanceOf(NetlinkParseException.class)
        .hasMessageContaining("2 trailing bytes");
  }

  @Test
  void aU32OfTheWrongSizeIsRejected() {
    NetlinkAttributes a = NetlinkAttributes.parse(attrs(5, new byte[] {1, 2}), 0);
    assertThatThrownBy(() -> a.u32(a.first(5).orElseThrow()))
        .isInstanceOf(NetlinkParseException.class)
        .hasMessageContaining("holds 2");
  }

  @Test
  void attributesStartingPastTheEndAreRejected() {
    assertThatThrownBy(() -> NetlinkAttributes.parse(body(1, 2), 8))
        .isInstanceOf(NetlinkParseException.class);
  }
}
