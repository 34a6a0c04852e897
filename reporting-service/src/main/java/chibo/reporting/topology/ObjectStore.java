package chibo.reporting.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A task's store of objects, written to its changelogged byte store once per commit instead of at every change.
 *
 * <p>A hot key — a commune, the province — changes thousands of times between two commits; turning it into bytes
 * each time was most of the topology's work. Here a change only marks the object dirty; when the task commits,
 * before its transaction is committed, every dirty object is written once to the byte store (hence once to its
 * changelog, in the same transaction as the input offsets it reflects). Objects read lately are kept, so a hot key
 * is not read back either. A crash loses only what the aborted transaction would have lost: the changelog and the
 * offsets agree.
 *
 * <p>The commit hook is Kafka Streams' own, the one its record caches use: a store that is a
 * {@code CachedStateStore} has {@link #flushCache()} called while the task prepares its commit (a plain
 * {@code flush()} comes only after the transaction, at checkpoints). That interface lives in Kafka Streams'
 * internals, so this class extends {@link WrappedStateStore}, the base of Kafka's own store layers, and the
 * topology tests exercise the hook at every commit.
 *
 * <p>Only the processor that owns the store uses it; objects handed to {@link #put} must not change afterwards
 * unless they are put again.
 *
 * @param <V> the objects kept
 */
final class ObjectStore<V> extends WrappedStateStore<KeyValueStore<String, byte[]>, String, V> {

    private final Function<V, byte[]> write;
    private final Function<byte[], V> read;
    /** Changed since the last commit; a null value is a deletion. */
    private final Map<String, V> dirty = new HashMap<>();
    private final Map<String, V> recent;
    private Runnable beforeCommit = () -> {
    };

    private ObjectStore(KeyValueStore<String, byte[]> bytes, Function<V, byte[]> write, Function<byte[], V> read,
                        int keep) {
        super(bytes);
        this.write = write;
        this.read = read;
        this.recent = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > keep;
            }
        };
    }

    /** A store of JSON values of a type (in chibo's one JSON form), keeping up to {@code keep} read objects. */
    static <V> StoreBuilder<ObjectStore<V>> json(String name, Class<V> type, int keep) {
        return builder(name, JsonSerde::bytes, bytes -> JsonSerde.read(bytes, type), keep);
    }

    /** A store of objects kept on disk (RocksDB) as the bytes {@code write} makes of them. */
    static <V> StoreBuilder<ObjectStore<V>> builder(String name, Function<V, byte[]> write,
                                                    Function<byte[], V> read, int keep) {
        return builder(Stores.persistentKeyValueStore(name), write, read, keep);
    }

    static <V> StoreBuilder<ObjectStore<V>> builder(KeyValueBytesStoreSupplier bytes, Function<V, byte[]> write,
                                                    Function<byte[], V> read, int keep) {
        return new Builder<>(Stores.keyValueStoreBuilder(bytes, Serdes.String(), Serdes.ByteArray())
                .withCachingDisabled(), write, read, keep);
    }

    V get(String key) {
        if (dirty.containsKey(key)) {
            return dirty.get(key);
        }
        V value = recent.get(key);
        if (value != null) {
            return value;
        }
        byte[] bytes = wrapped().get(key);
        if (bytes == null) {
            return null;
        }
        value = read.apply(bytes);
        recent.put(key, value);
        return value;
    }

    void put(String key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null value for " + key + "; delete it instead");
        }
        dirty.put(key, value);
    }

    void delete(String key) {
        dirty.put(key, null);
        recent.remove(key);
    }

    /**
     * Runs {@code hook} each time the task prepares a commit, before the dirty objects are written: for what the
     * owning processor holds back until the commit (see {@link DeltaOutbox}). One hook per store; a processor
     * initialised again replaces its hook.
     */
    void beforeCommit(Runnable hook) {
        this.beforeCommit = hook;
    }

    /** Called while the task prepares its commit: every dirty object goes to the byte store, once. */
    @Override
    public void flushCache() {
        beforeCommit.run();
        if (!dirty.isEmpty()) {
            KeyValueStore<String, byte[]> bytes = wrapped();
            dirty.forEach((key, value) -> {
                if (value == null) {
                    if (bytes.get(key) != null) {
                        bytes.delete(key);
                    }
                } else {
                    bytes.put(key, write.apply(value));
                    recent.put(key, value);
                }
            });
            dirty.clear();
        }
        super.flushCache();
    }

    @Override
    public void flush() {
        flushCache();
        super.flush();
    }

    /** The byte store may have been written underneath (restoration): what is kept may be stale. */
    @Override
    public void clearCache() {
        dirty.clear();
        recent.clear();
        super.clearCache();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        dirty.clear();
        recent.clear();
        super.init(context, root);
    }

    /** Closing without a commit (a dirty close) drops what was not committed, as the transaction does. */
    @Override
    public void close() {
        dirty.clear();
        recent.clear();
        super.close();
    }

    private record Builder<V>(StoreBuilder<KeyValueStore<String, byte[]>> bytes, Function<V, byte[]> write,
                              Function<byte[], V> read, int keep) implements StoreBuilder<ObjectStore<V>> {

        @Override
        public StoreBuilder<ObjectStore<V>> withCachingEnabled() {
            throw new UnsupportedOperationException("an object store keeps its own objects; no record cache");
        }

        @Override
        public StoreBuilder<ObjectStore<V>> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<ObjectStore<V>> withLoggingEnabled(Map<String, String> config) {
            return new Builder<>(bytes.withLoggingEnabled(config), write, read, keep);
        }

        @Override
        public StoreBuilder<ObjectStore<V>> withLoggingDisabled() {
            return new Builder<>(bytes.withLoggingDisabled(), write, read, keep);
        }

        @Override
        public ObjectStore<V> build() {
            return new ObjectStore<>(bytes.build(), write, read, keep);
        }

        @Override
        public Map<String, String> logConfig() {
            return bytes.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return bytes.loggingEnabled();
        }

        @Override
        public String name() {
            return bytes.name();
        }
    }
}
