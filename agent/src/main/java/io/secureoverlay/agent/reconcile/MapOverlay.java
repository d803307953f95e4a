package io.secureoverlay.agent.reconcile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A map as a pass's batches leave it: what the data plane held before the pass, with the changes
 * applied since on top, without copying what it held (a thousand-peer node's SAs, for a pass that
 * changes a few). Values are never null.
 */
final class MapOverlay<K, V> {

  private final Map<K, ? extends V> base;
  private final Map<K, V> written = new HashMap<>();
  private final Set<K> removed = new HashSet<>();

  MapOverlay(Map<K, ? extends V> base) {
    this.base = base;
  }

  V get(K key) {
    // Most lookups find nothing written or removed yet (a pass that only removes, say): skipping
    // the empty map or set saves hashing the key for it, a policy id's hash being four fields deep.
    V value = written.isEmpty() ? null : written.get(key);
    if (value != null) {
      return value;
    }
    return !removed.isEmpty() && removed.contains(key) ? null : base.get(key);
  }

  boolean containsKey(K key) {
    return get(key) != null;
  }

  void put(K key, V value) {
    removed.remove(key);
    written.put(key, value);
  }

  void remove(K key) {
    written.remove(key);
    removed.add(key);
  }
}
