package io.secureoverlay.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NodeSetTest {

  @Test
  void setAlgebraMatchesTheMembers() {
    NodeSet a = NodeSet.of(1, 2, 3, 10);
    NodeSet b = NodeSet.of(List.of(3, 4, 10));

    assertThat(a.union(b).stream().toArray()).containsExactly(1, 2, 3, 4, 10);
    assertThat(a.intersection(b).stream().toArray()).containsExactly(3, 10);
    assertThat(a.minus(b).stream().toArray()).containsExactly(1, 2);
    assertThat(a.containsAll(NodeSet.of(1, 10))).isTrue();
    assertThat(a.containsAll(b)).isFalse();
    assertThat(a.size()).isEqualTo(4);
  }

  @Test
  void changesReturnNewSetsAndLeaveTheOriginalAlone() {
    NodeSet original = NodeSet.of(5);

    NodeSet added = original.with(7);
    NodeSet removed = added.without(5);

    assertThat(original.stream().toArray()).containsExactly(5);
    assertThat(added.stream().toArray()).containsExactly(5, 7);
    assertThat(removed.stream().toArray()).containsExactly(7);
    assertThat(original.without(99)).isSameAs(original);
  }

  @Test
  void equalityIsByMembers() {
    assertThat(NodeSet.of(3, 1, 2)).isEqualTo(NodeSet.range(1, 3));
    assertThat(NodeSet.of(3, 1, 2)).hasSameHashCodeAs(NodeSet.range(1, 3));
    assertThat(NodeSet.of(1).without(1)).isEqualTo(NodeSet.empty());
    assertThat(NodeSet.of(1)).isNotEqualTo(NodeSet.of(2));
  }

  @Test
  void indicesOutsideTheLimitAreRefused() {
    assertThatThrownBy(() -> NodeSet.of(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("node index -1 is outside 0..4194303");
    assertThatThrownBy(() -> NodeSet.empty().with(NodeSet.MAX_INDEX + 1))
        .hasMessageContaining("node index 4194304 is outside");
    assertThatThrownBy(() -> NodeSet.range(5, 4)).hasMessageContaining("range start 5");
    assertThat(NodeSet.of(NodeSet.MAX_INDEX).contains(NodeSet.MAX_INDEX)).isTrue();
    assertThat(NodeSet.of(1).contains(-1)).isFalse();
  }

  @Test
  void toStringShowsSizeAndRangesButStaysShort() {
    assertThat(NodeSet.of(0, 1, 2, 7)).hasToString("NodeSet[4: 0-2,7]");

    NodeSet scattered =
        NodeSet.of(java.util.stream.IntStream.range(0, 1000).map(i -> i * 2).toArray());
    assertThat(scattered.toString()).startsWith("NodeSet[1000: 0,2,4,").endsWith("...]");
    assertThat(scattered.toString().length()).isLessThan(140);
  }
}
