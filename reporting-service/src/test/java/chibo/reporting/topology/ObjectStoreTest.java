package chibo.reporting.topology;

import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The write-behind store: objects change in memory and reach the byte store (and changelog) once per commit. */
class ObjectStoreTest {

    private final List<String> written = new ArrayList<>();
    private final List<String> read = new ArrayList<>();
    private ObjectStore<String> store;

    @BeforeEach
    void open() {
        store = ObjectStore.<String>builder(Stores.inMemoryKeyValueStore("objects"), value -> {
            written.add(value);
            return value.getBytes(StandardCharsets.UTF_8);
        }, bytes -> {
            String value = new String(bytes, StandardCharsets.UTF_8);
            read.add(value);
            return value;
        }, 2).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @Test
    void writes_a_key_changed_many_times_once_per_commit() {
        for (int i = 1; i <= 1_000; i++) {
            store.put("province", "members=" + i);
        }
        assertThat(written).isEmpty();
        assertThat(store.get("province")).isEqualTo("members=1000");

        store.flushCache();

        assertThat(written).containsExactly("members=1000");
        assertThat(stored("province")).isEqualTo("members=1000");
        store.flushCache();
        assertThat(written).hasSize(1);
    }

    @Test
    void reads_a_stored_value_once_and_keeps_the_object() {
        store.wrapped().put("commune", "members=7".getBytes(StandardCharsets.UTF_8));

        assertThat(store.get("commune")).isEqualTo("members=7");
        assertThat(store.get("commune")).isEqualTo("members=7");

        assertThat(read).containsExactly("members=7");
    }

    @Test
    void keeps_only_as_many_read_objects_as_it_was_told() {
        for (String key : List.of("a", "b", "c")) {
            store.wrapped().put(key, key.getBytes(StandardCharsets.UTF_8));
            store.get(key);
        }

        store.get("a");

        assertThat(read).containsExactly("a", "b", "c", "a");
    }

    @Test
    void deletes_a_committed_key_at_the_next_commit_and_never_writes_one_that_was_not() {
        store.put("cell", "members=1");
        store.flushCache();

        store.delete("cell");
        assertThat(store.get("cell")).isNull();
        assertThat(stored("cell")).isEqualTo("members=1");
        store.put("transient", "x");
        store.delete("transient");
        store.flushCache();

        assertThat(stored("cell")).isNull();
        assertThat(stored("transient")).isNull();
        assertThat(written).containsExactly("members=1");
    }

    @Test
    void drops_what_was_not_committed_when_closed_without_a_commit() {
        store.put("cell", "members=1");
        store.flushCache();
        store.put("cell", "members=2");

        store.close();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        store.flushCache();

        assertThat(written).containsExactly("members=1");
    }

    @Test
    void forgets_kept_objects_when_the_bytes_may_have_changed_underneath() {
        store.put("cell", "members=1");
        store.flushCache();
        assertThat(store.get("cell")).isEqualTo("members=1");

        store.wrapped().put("cell", "members=5".getBytes(StandardCharsets.UTF_8));
        store.clearCache();

        assertThat(store.get("cell")).isEqualTo("members=5");
    }

    @Test
    void flushing_the_store_also_commits_its_objects() {
        store.put("cell", "members=3");

        store.flush();

        assertThat(stored("cell")).isEqualTo("members=3");
    }

    private String stored(String key) {
        byte[] bytes = store.wrapped().get(key);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
