package io.secureoverlay.agent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AppendOnlyMapTest {

  /** A key whose hash is its bucket: equal buckets collide, so lookups must probe and compare. */
  private record Key(int bucket, int id) {
    @Override
    public int hashCode() {
      return bucket;
    }
  }

  @Test
  void randomPutsAgreeWithALinkedHashMapInContentAndOrder() {
    Random random = new Random(42);
    // Sized for far fewer than it gets: it must grow, several times, and keep every mapping.
    Map<Key, Integer> map = new AppendOnlyMap<>(3);
    Map<Key, Integer> expected = new LinkedHashMap<>();
    for (int i = 0; i < 5_000; i++) {
      // Few buckets and ids repeating: many collisions and many replaced values.
      Key key = new Key(random.nextInt(64), random.nextInt(1_500));
      Integer value = random.nextInt();
      assertThat(map.put(key, value)).isEqualTo(expected.put(key, value));
      Key probe = new Key(random.nextInt(64), random.nextInt(2_000));
      assertThat(map.get(probe)).isEqualTo(expected.get(probe));
      assertThat(map.containsKey(probe)).isEqualTo(expected.containsKey(probe));
    }

    assertThat(map).hasSameSizeAs(expected);
    assertThat(new ArrayList<>(map.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
    assertThat(new ArrayList<>(map.values())).isEqualTo(new ArrayList<>(expected.values()));
    assertThat(new ArrayList<>(map.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
    assertThat(map).isEqualTo(expected);
    assertThat(expected).isEqualTo(map);
    assertThat(map.hashCode()).isEqualTo(expected.hashCode());
  }

  @Test
  void aReplacedValueKeepsItsKeysFirstPosition() {
    Map<String, Integer> map = new AppendOnlyMap<>(4);
    map.put("a", 1);
    map.put("b", 2);
    map.put("a", 3);

    assertThat(map).containsExactly(Map.entry("a", 3), Map.entry("b", 2));
  }

  @Test
  void absentAndNullKeysAreNotFound() {
    Map<String, Integer> map = new AppendOnlyMap<>(4);
    map.put("a", 1);

    assertThat(map.get("b")).isNull();
    assertThat(map.get(null)).isNull();
    assertThat(map.containsKey(null)).isFalse();
    assertThat(map.keySet().contains("a")).isTrue();
    assertThat(map.keySet().contains("b")).isFalse();
  }

  @Test
  void nullsAndRemovalAreRefusedAndChangeNothing() {
    Map<String, Integer> map = new AppendOnlyMap<>(4);
    map.put("a", 1);

    assertThatThrownBy(() -> map.put(null, 2)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> map.put("b", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> map.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    Iterator<String> keys = map.keySet().iterator();
    keys.next();
    assertThatThrownBy(keys::remove).isInstanceOf(UnsupportedOperationException.class);

    assertThat(map).containsExactly(Map.entry("a", 1));
  }

  @Test
  void anEmptyMapIteratesNothing() {
    Map<String, Integer> map = new AppendOnlyMap<>(0);
    List<String> seen = new ArrayList<>();
    map.forEach((k, v) -> seen.add(k));

    assertThat(seen).isEmpty();
    assertThat(map).isEmpty();
    assertThat(map).isEqualTo(Map.of());
  }
}
