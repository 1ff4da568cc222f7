package io.medvie.schemas.registry;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small bounded map, least recently used entry out first; thread-safe by locking. */
final class LruCache<K, V> {
    private final Map<K, V> map;

    LruCache(int capacity) {
        this.map =
                new LinkedHashMap<>(16, 0.75f, true) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                        return size() > capacity;
                    }
                };
    }

    synchronized V get(K key) {
        return map.get(key);
    }

    synchronized void put(K key, V value) {
        map.put(key, value);
    }

    synchronized int size() {
        return map.size();
    }
}
