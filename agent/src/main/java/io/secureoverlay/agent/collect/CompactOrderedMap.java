package io.secureoverlay.agent.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An insertion-ordered hash map with no object per mapping: keys, values and key hashes sit in
 * arrays in the order they were put, found through an open-addressing table of positions, and a
 * lookup that misses compares cached hashes before it touches a key. A removal leaves a hole that
 * iteration skips; holes are squeezed out when the arrays fill up. Until something is removed, the
 * n-th key put stays at position n.
 *
 * <p>For the maps an agent keeps per SA and policy: a thousand-node sandbox holds two million SAs
 * and as many policies, and a rotation replaces every SA. With {@code LinkedHashMap} each mapping
 * brought a 40-byte entry the collector copied along with the SA. Not thread-safe.
 */
public final class CompactOrderedMap<K, V> {

  private Object[] keys;
  private Object[] values;
  private int[] hashes;

  /** Position + 1 of the mapping whose key hashes here; 0 is a free slot. */
  private int[] slots;

  /** Positions in use so far, holes included. */
  private int end;

  private int size;

  public CompactOrderedMap() {
    this(8);
  }

  /** Room for {@code expected} mappings before any array grows. */
  public CompactOrderedMap(int expected) {
    allocate(Math.max(4, expected));
  }

  private void allocate(int capacity) {
    keys = new Object[capacity];
    values = new Object[capacity];
    hashes = new int[capacity];
    // A power of two at least twice the capacity, so probes stay short.
    slots = new int[Integer.highestOneBit(capacity * 2 - 1) << 1];
  }

  private static int spread(Object key) {
    int h = key.hashCode();
    return h ^ (h >>> 16);
  }

  /** The slot that holds {@code key}'s position, else the free slot where it would go. */
  private int slotFor(Object key, int hash) {
    int mask = slots.length - 1;
    int i = hash & mask;
    while (slots[i] != 0) {
      int position = slots[i] - 1;
      if (hashes[position] == hash && key.equals(keys[position])) {
        return i;
      }
      i = (i + 1) & mask;
    }
    return i;
  }

  /** The position of {@code key}'s mapping, or -1. */
  public int positionOf(Object key) {
    return key == null ? -1 : slots[slotFor(key, spread(key))] - 1;
  }

  /** The key at {@code position}; null for a hole. */
  @SuppressWarnings("unchecked")
  public K keyAt(int position) {
    return (K) keys[Objects.checkIndex(position, end)];
  }

  /** The value at {@code position}; null for a hole. */
  @SuppressWarnings("unchecked")
  public V valueAt(int position) {
    return (V) values[Objects.checkIndex(position, end)];
  }

  public V get(Object key) {
    int position = positionOf(key);
    return position < 0 ? null : valueAt(position);
  }

  public boolean containsKey(Object key) {
    return positionOf(key) >= 0;
  }

  /** Maps {@code key} to {@code value}; a key already present keeps its place in the order. */
  @SuppressWarnings("unchecked")
  public V put(K key, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    int hash = spread(key);
    int i = slotFor(key, hash);
    if (slots[i] != 0) {
      int position = slots[i] - 1;
      V old = (V) values[position];
      values[position] = value;
      return old;
    }
    if (end == keys.length) {
      // Squeeze the holes out, into arrays twice the size when more than half are mappings.
      repack(size > keys.length / 2 ? keys.length * 2 : keys.length);
      i = slotFor(key, hash);
    }
    keys[end] = key;
    values[end] = value;
    hashes[end] = hash;
    slots[i] = ++end;
    size++;
    return null;
  }

  /** Removes {@code key}'s mapping; returns its value, or null when there was none. */
  @SuppressWarnings("unchecked")
  public V remove(Object key) {
    if (key == null) {
      return null;
    }
    int i = slotFor(key, spread(key));
    if (slots[i] == 0) {
      return null;
    }
    int position = slots[i] - 1;
    V old = (V) values[position];
    keys[position] = null;
    values[position] = null;
    size--;
    closeGap(i);
    return old;
  }

  /**
   * Empties slot {@code gap} and moves back every later slot of its probe run that could no longer
   * be reached past the gap (linear probing's deletion without tombstones).
   */
  private void closeGap(int gap) {
    int mask = slots.length - 1;
    int j = gap;
    while (true) {
      j = (j + 1) & mask;
      if (slots[j] == 0) {
        break;
      }
      int home = hashes[slots[j] - 1] & mask;
      // The entry at j stays if its home lies cyclically in (gap, j]: its probe never passes gap.
      boolean stays = gap <= j ? (gap < home && home <= j) : (gap < home || home <= j);
      if (!stays) {
        slots[gap] = slots[j];
        gap = j;
      }
    }
    slots[gap] = 0;
  }

  private void repack(int capacity) {
    Object[] oldKeys = keys;
    Object[] oldValues = values;
    int[] oldHashes = hashes;
    int oldEnd = end;
    allocate(capacity);
    int mask = slots.length - 1;
    int next = 0;
    for (int position = 0; position < oldEnd; position++) {
      if (oldKeys[position] == null) {
        continue;
      }
      keys[next] = oldKeys[position];
      values[next] = oldValues[position];
      hashes[next] = oldHashes[position];
      int i = hashes[next] & mask;
      while (slots[i] != 0) {
        i = (i + 1) & mask;
      }
      slots[i] = ++next;
    }
    end = next;
  }

  public int size() {
    return size;
  }

  /** Every value in insertion order; {@code visitor} must not change this map. */
  @SuppressWarnings("unchecked")
  public void forEachValue(Consumer<? super V> visitor) {
    int until = end;
    for (int position = 0; position < until; position++) {
      Object value = values[position];
      if (value != null) {
        visitor.accept((V) value);
      }
    }
  }

  /** A copy of the values, in insertion order. */
  public List<V> values() {
    List<V> out = new ArrayList<>(size);
    forEachValue(out::add);
    return out;
  }

  /** For tests: the arrays' capacity, so a test can tell that holes are reused. */
  int capacity() {
    return keys.length;
  }

  @Override
  public String toString() {
    return "CompactOrderedMap[size=" + size + ", capacity=" + keys.length + "]";
  }
}
