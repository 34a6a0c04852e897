package chibo.platform.eventstore;

import chibo.contracts.Topics;

import chibo.contracts.EventEnvelope;
import chibo.contracts.HashChain;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventStoreTest {

    private MongoDatabase database;
    private EventStore store;

    @BeforeEach
    void freshStore() {
        database = Fixtures.freshDatabase();
        store = Fixtures.store(database);
        store.ensureIndexes();
    }

    @Test
    void appended_events_get_consecutive_seqs_and_form_a_hash_chain() {
        List<EventEnvelope> first = store.append("m-1", 0, HashChain.GENESIS, List.of(Fixtures.rated("m-1", 70)));
        List<EventEnvelope> next = store.append("m-1", 1, first.getLast().hash(),
                List.of(Fixtures.rated("m-1", 80), Fixtures.exempted("m-1")));

        List<EventEnvelope> history = store.readFrom(Topics.MEMBERSHIP, "m-1", 1);
        assertThat(history).extracting(EventEnvelope::seq).containsExactly(1L, 2L, 3L);
        assertThat(history.get(0).previousHash()).isEqualTo(HashChain.GENESIS);
        assertThat(history.get(1).previousHash()).isEqualTo(history.get(0).hash());
        assertThat(history.get(2).previousHash()).isEqualTo(history.get(1).hash());
        assertThat(history).allSatisfy(e -> assertThat(HashChain.expectedHash(e)).isEqualTo(e.hash()));
        assertThat(history.subList(1, 3)).isEqualTo(next);
    }

    @Test
    void a_writer_behind_the_subjects_history_is_refused_and_stores_nothing() {
        store.append("m-1", 0, HashChain.GENESIS, List.of(Fixtures.rated("m-1", 70)));

        assertThatThrownBy(() -> store.append("m-1", 0, HashChain.GENESIS, List.of(Fixtures.rated("m-1", 99))))
                .isInstanceOf(ConcurrentAppendException.class)
                .hasMessageContaining("m-1");
        assertThat(store.readFrom(Topics.MEMBERSHIP, "m-1", 1)).singleElement()
                .satisfies(e -> assertThat(e.payload()).hasFieldOrPropertyWithValue("points", 70));
    }

    @Test
    void stored_events_read_back_exactly_as_appended() {
        EventEnvelope appended = store.append("m-2", 0, HashChain.GENESIS, List.of(Fixtures.exempted("m-2")))
                .getFirst();

        assertThat(store.find(Topics.MEMBERSHIP, "m-2", 1)).contains(appended);
        assertThat(store.find(Topics.MEMBERSHIP, "m-2", 2)).isEmpty();
        assertThat(store.history(Topics.MEMBERSHIP, "m-2")).singleElement().satisfies(stored -> {
            assertThat(stored.published()).isFalse();
            assertThat(stored.storedPayload()).isEqualTo("{\"reason\":\"health\"}");
        });
    }

    @Test
    void unpublished_lists_what_the_relay_has_not_yet_acknowledged() {
        List<EventEnvelope> appended = store.append("m-3", 0, HashChain.GENESIS,
                List.of(Fixtures.rated("m-3", 60), Fixtures.rated("m-3", 65)));

        store.outbox().markPublished(List.of(appended.getFirst()));

        assertThat(store.unpublished(Instant.now().plusSeconds(1))).containsExactly(appended.get(1));
        assertThat(database.getCollection("party_membership_events").find(Filters.eq("published", true)).first())
                .containsKey("publishedAt");
    }

    @Test
    void append_listeners_see_each_batch_in_order() {
        List<List<EventEnvelope>> seen = new java.util.ArrayList<>();
        store.onAppend(seen::add);

        store.append("m-4", 0, HashChain.GENESIS, List.of(Fixtures.rated("m-4", 50)));

        assertThat(seen).singleElement().satisfies(batch -> assertThat(batch).hasSize(1));
    }
}
