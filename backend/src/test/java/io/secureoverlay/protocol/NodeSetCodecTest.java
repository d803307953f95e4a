package io.secureoverlay.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeSetCodecTest {

  private static final int NODES = 10_000;

  /** 10,000 bits are 1,250 bytes: 4 * ceil(1250 / 3) = 1,668 base64 characters, plus the prefix. */
  private static final int BITMAP_LENGTH_AT_10K = 1668 + NodeSetCodec.BITMAP_PREFIX.length();

  @Test
  void emptySetIsTheEmptyString() {
    assertThat(NodeSetCodec.encode(NodeSet.empty())).isEmpty();
    assertThat(NodeSetCodec.decode("")).isEqualTo(NodeSet.empty());
  }

  @Test
  void allTenThousandNodesIsOneShortRange() {
    NodeSet all = NodeSet.range(0, NODES - 1);

    assertThat(NodeSetCodec.encode(all)).isEqualTo("0-9999");
    assertThat(NodeSetCodec.decode("0-9999").size()).isEqualTo(NODES);
  }

  @Test
  void rangesAreReadable() {
    NodeSet set = NodeSetCodec.decode("0-99,101,200-299");

    assertThat(set.size()).isEqualTo(201);
    assertThat(set.contains(99)).isTrue();
    assertThat(set.contains(100)).isFalse();
    assertThat(set.contains(101)).isTrue();
    assertThat(NodeSetCodec.encode(set)).isEqualTo("0-99,101,200-299");
  }

  @Test
  void scatteredTenThousandNodesUseTheBitmapAndStayCompact() {
    NodeSet everyOther = NodeSet.of(IntStream.range(0, NODES).filter(i -> i % 2 == 0).toArray());

    String encoded = NodeSetCodec.encode(everyOther);

    assertThat(encoded).startsWith(NodeSetCodec.BITMAP_PREFIX);
    assertThat(encoded.length()).isLessThanOrEqualTo(BITMAP_LENGTH_AT_10K);
    assertThat(NodeSetCodec.ranges(everyOther).length()).isGreaterThan(20_000);
    assertThat(NodeSetCodec.decode(encoded)).isEqualTo(everyOther);
  }

  @Test
  void randomSetsOverTenThousandIndicesRoundTripWithinTheBound() {
    Random random = new Random(20240611);
    for (int round = 0; round < 200; round++) {
      double density = random.nextDouble();
      NodeSet set =
          NodeSet.of(
              IntStream.range(0, NODES).filter(i -> random.nextDouble() < density).toArray());

      String encoded = NodeSetCodec.encode(set);

      assertThat(NodeSetCodec.decode(encoded)).as("density %.3f", density).isEqualTo(set);
      assertThat(encoded.length()).isLessThanOrEqualTo(BITMAP_LENGTH_AT_10K);
    }
  }

  @Test
  void theHighestIndexRoundTripsInBothEncodings() {
    NodeSet top = NodeSet.of(0, NodeSet.MAX_INDEX);

    assertThat(NodeSetCodec.encode(top)).isEqualTo("0,4194303");
    assertThat(NodeSetCodec.decode("0,4194303")).isEqualTo(top);
    assertThat(NodeSetCodec.decode(NodeSetCodec.BITMAP_PREFIX + bitmapOf(NodeSet.MAX_INDEX)))
        .isEqualTo(NodeSet.of(NodeSet.MAX_INDEX));
  }

  @Test
  void bitmapIsLittleEndianWithinEachByte() {
    // bits 0 and 9 -> bytes 0x01 0x02 -> "AQI="
    assertThat(NodeSetCodec.decode("b64:AQI=")).isEqualTo(NodeSet.of(0, 9));
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "5-2          | item 1 '5-2': range start is above its end",
        "1,5,3        | item 3 '3': items must ascend without overlapping",
        "1,1          | item 2 '1': items must ascend without overlapping",
        "0-9,5-12     | item 2 '5-12': items must ascend without overlapping",
        "01           | item 1 '01': expected an index or first-last",
        "-1           | item 1 '-1': expected an index or first-last",
        "a            | item 1 'a': expected an index or first-last",
        "1,,2         | item 2 '': expected an index or first-last",
        "'1, 2'       | item 2 ' 2': expected an index or first-last",
        "1-2-3        | item 1 '1-2-3': expected an index or first-last",
        "4194304      | item 1 '4194304': index is above the limit 4194303",
        "99999999999  | item 1 '99999999999': expected an index or first-last",
        "1,           | item 2 '': expected an index or first-last",
        "b64:!!!!     | bitmap after 'b64:' is not valid base64",
      })
  void malformedStringsAreRefusedNamingTheItem(String encoded, String expected) {
    assertThatThrownBy(() -> NodeSetCodec.decode(encoded))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(expected);
  }

  @Test
  void nullIsRefused() {
    assertThatThrownBy(() -> NodeSetCodec.decode(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("node set is null");
  }

  @Test
  void aBitmapBeyondTheIndexLimitIsRefusedBeforeDecoding() {
    String huge = NodeSetCodec.BITMAP_PREFIX + "A".repeat(800_000);

    assertThatThrownBy(() -> NodeSetCodec.decode(huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longer than the index limit 4194303 allows");
  }

  @Test
  void aLongBadItemIsShortenedInTheMessage() {
    String item = "x".repeat(500);

    assertThatThrownBy(() -> NodeSetCodec.decode(item))
        .hasMessageContaining("'" + "x".repeat(24) + "...'")
        .message()
        .hasSizeLessThan(120);
  }

  private static String bitmapOf(int index) {
    java.util.BitSet bits = new java.util.BitSet();
    bits.set(index);
    return java.util.Base64.getEncoder().encodeToString(bits.toByteArray());
  }
}
