package io.secureoverlay.agent.reconcile;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * An insertion-ordered map with no object per mapping: keys, values and key hashes sit in arrays in
 * the order they were put, found through an open-addressing table of positions. Mappings are only
 * added or replaced, never removed.
 *
 * <p>For the builder's maps, made anew each pass and kept until the next: at a thousand peers the
 * entry objects of those maps (one per SA and policy, thousands per pass on every node) were the
 * objects the collector copied most. Here a map is a handful of arrays, and a lookup that misses
 * compares cached hashes before it touches a key.
 */
final class AppendOnlyMap<K, V> extends AbstractMap<K, V> {

  private Object[] keys;
  private Object[] values;
  private int[] hashes;

  /** Position + 1 of the mapping whose key hashes here; 0 is a free slot. */
  private int[] slots;

  private int size;

  /** Room for {@code expected} mappings before any array grows. */
  AppendOnlyMap(int expected) {
    int capacity = Math.max(4, expected);
    keys = new Object[capacity];
    values = new Object[capacity];
    hashes = new int[capacity];
    slots = new int[tableSizeFor(capacity)];
  }

  /** A power of two at least twice {@code capacity}, so probes stay short. */
  private static int tableSizeFor(int capacity) {
    return Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
  }

  private static int spread(Object key) {
    int h = key.hashCode();
    return h ^ (h >>> 16);
  }

  /** The position of {@code key}, or -1. */
  int positionOf(Object key) {
    return key == null ? -1 : slots[slotFor(key, spread(key))] - 1;
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

  @Override
  public V put(K key, V value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    int hash = spread(key);
    int i = slotFor(key, hash);
    if (slots[i] != 0) {
      int position = slots[i] - 1;
      V old = valueAt(position);
      values[position] = value;
      return old;
    }
    if (size == keys.length) {
      grow();
      return put(key, value);
    }
    keys[size] = key;
    values[size] = value;
    hashes[size] = hash;
    slots[i] = ++size;
    return null;
  }

  private void grow() {
    int capacity = keys.length * 2;
    keys = Arrays.copyOf(keys, capacity);
    values = Arrays.copyOf(values, capacity);
    hashes = Arrays.copyOf(hashes, capacity);
    slots = new int[tableSizeFor(capacity)];
    int mask = slots.length - 1;
    for (int position = 0; position < size; position++) {
      int i = hashes[position] & mask;
      while (slots[i] != 0) {
        i = (i + 1) & mask;
      }
      slots[i] = position + 1;
    }
  }

  @SuppressWarnings("unchecked")
  V valueAt(int position) {
    return (V) values[position];
  }

  @SuppressWarnings("unchecked")
  K keyAt(int position) {
    return (K) keys[position];
  }

  @Override
  public V get(Object key) {
    int position = positionOf(key);
    return position < 0 ? null : valueAt(position);
  }

  @Override
  public boolean containsKey(Object key) {
    return positionOf(key) >= 0;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<K, V>> iterator() {
        return new InOrder<>(p -> new SimpleImmutableEntry<>(keyAt(p), valueAt(p)));
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  @Override
  public Set<K> keySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<K> iterator() {
        return new InOrder<>(AppendOnlyMap.this::keyAt);
      }

      @Override
      public boolean contains(Object o) {
        return containsKey(o);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  @Override
  public Collection<V> values() {
    return new AbstractCollection<>() {
      @Override
      public Iterator<V> iterator() {
        return new InOrder<>(AppendOnlyMap.this::valueAt);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** Positions 0 .. size-1 as {@code at} makes them; nothing can be removed through it. */
  private final class InOrder<T> implements Iterator<T> {
    private final IntFunction<T> at;
    private int next;

    InOrder(IntFunction<T> at) {
      this.at = at;
    }

    @Override
    public boolean hasNext() {
      return next < size;
    }

    @Override
    public T next() {
      if (next >= size) {
        throw new NoSuchElementException();
      }
      return at.apply(next++);
    }
  }
}
