package io.secureoverlay.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompactOrderedMapTest {

  /** A key whose hash is chosen, so probe runs collide and wrap around the table on purpose. */
  private record Key(int id, int hash) {
    @Override
    public int hashCode() {
      return hash;
    }
  }

  @Test
  void valuesComeInInsertionOrderAndAReplacedValueKeepsItsPlace() {
    CompactOrderedMap<String, Integer> map = new CompactOrderedMap<>();
    map.put("c", 1);
    map.put("a", 2);
    map.put("b", 3);
    assertThat(map.put("a", 20)).isEqualTo(2);
    map.remove("c");
    map.put("c", 4);

    assertThat(map.values()).containsExactly(20, 3, 4);
    assertThat(map.size()).isEqualTo(3);
    assertThat(map.get("a")).isEqualTo(20);
    assertThat(map.remove("missing")).isNull();
    assertThat(map.get(null)).isNull();
  }

  @Test
  void nullKeysAndValuesAreRefused() {
    CompactOrderedMap<String, Integer> map = new CompactOrderedMap<>();
    assertThatThrownBy(() -> map.put(null, 1)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> map.put("a", null)).isInstanceOf(NullPointerException.class);
    assertThat(map.size()).isZero();
  }

  /**
   * A table that keeps its size while everything in it is replaced, as a node's SAD is at every
   * rotation: the holes removals leave are reused, the arrays do not grow without bound.
   */
  @Test
  void replacingEveryMappingManyTimesOverReusesTheHoles() {
    CompactOrderedMap<Integer, Integer> map = new CompactOrderedMap<>(100);
    for (int i = 0; i < 100; i++) {
      map.put(i, i);
    }
    for (int round = 1; round <= 50; round++) {
      for (int i = 0; i < 100; i++) {
        map.remove((round - 1) * 100 + i);
        map.put(round * 100 + i, i);
      }
    }
    assertThat(map.size()).isEqualTo(100);
    assertThat(map.capacity()).isLessThanOrEqualTo(200);
    assertThat(map.get(5_000)).isZero();
    assertThat(map.get(4_999)).isNull();
  }

  /**
   * Thousands of random puts, replacements and removals over keys with few distinct hashes (long
   * probe runs that wrap around the table) against a LinkedHashMap: the same mappings, in the same
   * order, after every step.
   */
  @Test
  void randomChangesAgreeWithALinkedHashMap() {
    Random random = new Random(42);
    CompactOrderedMap<Key, Integer> map = new CompactOrderedMap<>(4);
    Map<Key, Integer> reference = new LinkedHashMap<>();
    List<Key> keys = new ArrayList<>();
    for (int id = 0; id < 300; id++) {
      // Hashes near the top of the int range and a handful of values: runs collide and wrap.
      keys.add(new Key(id, random.nextBoolean() ? random.nextInt(7) : -1 - random.nextInt(7)));
    }
    for (int step = 0; step < 20_000; step++) {
      Key key = keys.get(random.nextInt(keys.size()));
      if (random.nextInt(3) == 0) {
        assertThat(map.remove(key)).as("remove at step %d", step).isEqualTo(reference.remove(key));
      } else {
        int value = random.nextInt(1_000);
        // LinkedHashMap keeps a replaced key's place, as the compact map does.
        assertThat(map.put(key, value))
            .as("put at step %d", step)
            .isEqualTo(reference.put(key, value));
      }
      Key probe = keys.get(random.nextInt(keys.size()));
      assertThat(map.get(probe)).as("get at step %d", step).isEqualTo(reference.get(probe));
      assertThat(map.size()).isEqualTo(reference.size());
      if (step % 500 == 0) {
        assertThat(map.values()).containsExactlyElementsOf(reference.values());
      }
    }
    for (Key key : keys) {
      assertThat(map.containsKey(key)).isEqualTo(reference.containsKey(key));
    }
    assertThat(map.values()).containsExactlyElementsOf(reference.values());
  }
}
