package chibo.reporting.aggregates;

import org.apache.kafka.streams.state.KeyValueStore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task's key-value store of JSON values with the values it read or wrote lately kept as objects, so a hot key (a
 * commune, the province) is not parsed again for every delta that reaches it. Values must be immutable. Only the
 * processor that owns the store writes to it, and a new instance is made whenever the processor is (re)initialised,
 * so the objects never differ from the store's bytes.
 */
final class JsonStore<V> {

    private final KeyValueStore<String, byte[]> store;
    private final Class<V> type;
    private final Map<String, V> recent;

    JsonStore(KeyValueStore<String, byte[]> store, Class<V> type, int keep) {
        this.store = store;
        this.type = type;
        this.recent = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > keep;
            }
        };
    }

    V get(String key) {
        V value = recent.get(key);
        if (value != null) {
            return value;
        }
        byte[] bytes = store.get(key);
        if (bytes == null) {
            return null;
        }
        value = JsonSerde.read(bytes, type);
        recent.put(key, value);
        return value;
    }

    void put(String key, V value) {
        store.put(key, JsonSerde.bytes(value));
        recent.put(key, value);
    }
}
