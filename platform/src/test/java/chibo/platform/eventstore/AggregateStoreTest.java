package chibo.platform.eventstore;

import chibo.contracts.Topics;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AggregateStoreTest {

    private EventStore events;
    private AggregateStore<Fixtures.Scores> aggregates;
    private MongoDatabase database;

    @BeforeEach
    void fresh() {
        database = Fixtures.freshDatabase();
        events = Fixtures.store(database);
        aggregates = new AggregateStore<>(events, Topics.MEMBERSHIP, database.getCollection("scores"), Fixtures.Scores.class,
                Fixtures.Scores::apply);
    }

    @Test
    void a_command_sees_the_current_state_and_its_events_move_the_state_on() {
        aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 70)));
        var result = aggregates.execute("m-1", current -> {
            assertThat(current.state().points()).containsExactly(70);
            return List.of(Fixtures.rated("m-1", 85));
        });

        assertThat(result.current().seq()).isEqualTo(2);
        assertThat(result.current().state().points()).containsExactly(70, 85);
        assertThat(aggregates.load("m-1").state().points()).containsExactly(70, 85);
    }

    @Test
    void a_command_that_decides_nothing_stores_nothing() {
        var result = aggregates.execute("m-1", current -> List.of());

        assertThat(result.events()).isEmpty();
        assertThat(aggregates.load("m-1").exists()).isFalse();
    }

    @Test
    void a_command_racing_another_writer_is_re_run_on_the_caught_up_state() {
        aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 70)));
        // another instance appends behind this instance's snapshot
        var other = events.readFrom(Topics.MEMBERSHIP, "m-1", 1).getLast();
        events.append("m-1", 1, other.hash(), List.of(Fixtures.rated("m-1", 75)));
        AtomicInteger runs = new AtomicInteger();

        var result = aggregates.execute("m-1", current -> {
            runs.incrementAndGet();
            return List.of(Fixtures.rated("m-1", 90 + current.state().points().size()));
        });

        assertThat(runs).hasValue(2);
        assertThat(result.current().state().points()).containsExactly(70, 75, 92);
        assertThat(events.readFrom(Topics.MEMBERSHIP, "m-1", 1)).hasSize(3);
    }

    @Test
    void loading_includes_events_stored_after_the_last_snapshot() {
        aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 70)));
        var last = events.readFrom(Topics.MEMBERSHIP, "m-1", 1).getLast();
        events.append("m-1", 1, last.hash(), List.of(Fixtures.rated("m-1", 60)));

        assertThat(aggregates.load("m-1").state().points()).containsExactly(70, 60);
        assertThat(aggregates.load("m-1").seq()).isEqualTo(2);
    }

    @Test
    void a_snapshot_is_never_replaced_by_an_older_one() {
        SnapshotStore<Fixtures.Scores> snapshots = new SnapshotStore<>(database.getCollection("snaps"),
                Fixtures.Scores.class);
        snapshots.save("m-9", new Current<>(new Fixtures.Scores(List.of(1, 2)), 2, "h2"));
        snapshots.save("m-9", new Current<>(new Fixtures.Scores(List.of(1)), 1, "h1"));

        assertThat(snapshots.find("m-9")).hasValueSatisfying(current -> {
            assertThat(current.seq()).isEqualTo(2);
            assertThat(current.state().points()).containsExactly(1, 2);
        });

        snapshots.save("m-9", new Current<>(new Fixtures.Scores(List.of(1, 2, 3)), 3, "h3"));
        assertThat(snapshots.find("m-9")).hasValueSatisfying(current -> assertThat(current.seq()).isEqualTo(3));
    }

    @Test
    void a_batch_stores_its_commands_together_and_a_refused_command_leaves_the_others() {
        aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 70)));

        var batched = aggregates.batch("m-1", () -> {
            aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 80)));
            try {
                aggregates.execute("m-1", current -> {
                    throw new IllegalStateException("refused");
                });
            } catch (IllegalStateException expected) {
                // the refused command adds nothing
            }
            var seen = aggregates.load("m-1").state().points();
            aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 90)));
            return seen;
        });

        assertThat(batched.result()).as("a command sees the batch's earlier commands").containsExactly(70, 80);
        assertThat(batched.events()).extracting(e -> e.seq()).containsExactly(2L, 3L);
        assertThat(aggregates.event("m-1", 3)).isPresent();
        assertThat(aggregates.load("m-1").state().points()).containsExactly(70, 80, 90);
    }

    @Test
    void a_batch_that_meets_another_writer_stores_nothing() {
        aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 70)));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> aggregates.batch("m-1", () -> {
            aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 80)));
            // another instance appends meanwhile
            var last = events.readFrom(Topics.MEMBERSHIP, "m-1", 1).getLast();
            events.append("m-1", 1, last.hash(), List.of(Fixtures.rated("m-1", 75)));
            return null;
        })).isInstanceOf(ConcurrentAppendException.class);

        assertThat(events.readFrom(Topics.MEMBERSHIP, "m-1", 1)).extracting(e -> e.seq()).containsExactly(1L, 2L);
        assertThat(aggregates.load("m-1").state().points()).containsExactly(70, 75);
    }
}
