package io.secureoverlay.agent.reconcile;

import io.secureoverlay.agent.collect.CompactOrderedMap;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The builder's maps, made anew each pass and kept until the next: a {@link java.util.Map} over a
 * {@link CompactOrderedMap}, with no object per mapping (at a thousand peers the entry objects of
 * these maps, one per SA and policy, thousands per pass on every node, were the objects the
 * collector copied most). Mappings are only added or replaced, never removed, so the n-th key put
 * stays at position n: the builder finds last pass's SAs by position.
 */
final class AppendOnlyMap<K, V> extends AbstractMap<K, V> {

  private final CompactOrderedMap<K, V> table;

  /** Room for {@code expected} mappings before any array grows. */
  AppendOnlyMap(int expected) {
    table = new CompactOrderedMap<>(expected);
  }

  /** The position of {@code key}, or -1. */
  int positionOf(Object key) {
    return table.positionOf(key);
  }

  V valueAt(int position) {
    return table.valueAt(position);
  }

  K keyAt(int position) {
    return table.keyAt(position);
  }

  @Override
  public V put(K key, V value) {
    return table.put(key, value);
  }

  @Override
  public V get(Object key) {
    return table.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return table.containsKey(key);
  }

  @Override
  public int size() {
    return table.size();
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
        return table.size();
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
        return table.size();
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
        return table.size();
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
      return next < table.size();
    }

    @Override
    public T next() {
      if (next >= table.size()) {
        throw new NoSuchElementException();
      }
      return at.apply(next++);
    }
  }
}
