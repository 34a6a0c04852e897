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
        AtomicInteger runs = new AtomicInteger();

        var result = aggregates.execute("m-1", current -> {
            if (runs.incrementAndGet() == 1) {
                // another instance appends between this command's read and its append
                var other = events.readFrom(Topics.MEMBERSHIP, "m-1", 1).getLast();
                events.append("m-1", 1, other.hash(), List.of(Fixtures.rated("m-1", 75)));
            }
            return List.of(Fixtures.rated("m-1", 90 + current.state().points().size()));
        });

        assertThat(runs).hasValue(2);
        assertThat(result.current().state().points()).containsExactly(70, 75, 92);
        assertThat(events.readFrom(Topics.MEMBERSHIP, "m-1", 1)).hasSize(3);
    }

    @Test
    void commands_for_one_member_arriving_at_two_instances_at_once_keep_one_history() throws Exception {
        // a second instance of the service: its own event store and aggregate store on the same database
        EventStore otherEvents = Fixtures.store(database);
        AggregateStore<Fixtures.Scores> otherInstance = new AggregateStore<>(otherEvents, Topics.MEMBERSHIP,
                database.getCollection("scores"), Fixtures.Scores.class, Fixtures.Scores::apply);
        int perInstance = 40;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                AggregateStore<Fixtures.Scores> instance = thread % 2 == 0 ? aggregates : otherInstance;
                int first = thread * perInstance;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int points = first; points < first + perInstance / 2; points++) {
                        int scored = points;
                        while (true) {
                            try {
                                instance.execute("m-1", current -> List.of(Fixtures.rated("m-1", scored)));
                                break;
                            } catch (ConcurrentAppendException busy) {
                                // the other instance appended before each of its attempts (it had commands queued
                                // for the member all along): nothing of it was stored, and its caller, answered
                                // 409, sends it again; the history below shows it once all the same
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var future : done) {
                future.get();
            }
        }

        List<EventStore.StoredEvent> history = events.history(Topics.MEMBERSHIP, "m-1");
        assertThat(history).extracting(stored -> stored.envelope().seq())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 80).boxed().toList());
        assertThat(ChainVerifier.verify("m-1", history).intact()).isTrue();
        List<Integer> recorded = history.stream()
                .map(stored -> ((chibo.contracts.member.MemberRated) stored.envelope().payload()).points()).toList();
        List<Integer> sent = new java.util.ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            for (int points = thread * perInstance; points < thread * perInstance + perInstance / 2; points++) {
                sent.add(points);
            }
        }
        assertThat(recorded).as("every command's decision once").containsExactlyInAnyOrderElementsOf(sent);
        assertThat(otherInstance.load("m-1").state().points()).containsExactlyElementsOf(recorded);
    }

    @Test
    void a_new_subject_is_created_without_a_read_and_an_existing_one_is_decided_on_its_state() {
        var created = aggregates.create("m-1", current -> {
            assertThat(current.exists()).isFalse();
            return List.of(Fixtures.rated("m-1", 70));
        });
        assertThat(created.current().seq()).isEqualTo(1);

        List<Long> seen = new java.util.ArrayList<>();
        var again = aggregates.create("m-1", current -> {
            seen.add(current.seq());
            return current.exists() ? List.of() : List.of(Fixtures.rated("m-1", 80));
        });

        assertThat(seen).as("tried as new, then decided on what is stored").containsExactly(0L, 1L);
        assertThat(again.events()).isEmpty();
        assertThat(aggregates.load("m-1").state().points()).containsExactly(70);
    }

    @Test
    void a_snapshot_is_written_only_once_a_subject_is_several_events_past_the_last_one() {
        var snapshots = new SnapshotStore<>(database.getCollection("scores"), Fixtures.Scores.class);
        for (int i = 1; i < AggregateStore.SNAPSHOT_EVERY; i++) {
            aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 50)));
        }
        assertThat(snapshots.find("m-1")).as("fewer events than the interval: no snapshot").isEmpty();

        aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 60)));

        assertThat(snapshots.find("m-1")).hasValueSatisfying(snapshot ->
                assertThat(snapshot.seq()).isEqualTo(AggregateStore.SNAPSHOT_EVERY));
    }

    @Test
    void a_subject_far_past_its_snapshot_loads_every_later_event() {
        int count = AggregateStore.SNAPSHOT_EVERY * 3 + 2;
        String previous = chibo.contracts.HashChain.GENESIS;
        for (int i = 0; i < count; i++) {
            previous = events.append("m-1", i, previous, List.of(Fixtures.rated("m-1", i))).getLast().hash();
        }

        var loaded = aggregates.load("m-1");

        assertThat(loaded.seq()).isEqualTo(count);
        assertThat(loaded.state().points()).hasSize(count).endsWith(count - 1);
        assertThat(loaded.hash()).isEqualTo(previous);
    }

    @Test
    void a_unit_of_work_stores_every_subjects_events_and_refuses_only_a_subject_another_writer_changed() {
        aggregates.execute("m-2", current -> List.of(Fixtures.rated("m-2", 10)));

        var committed = aggregates.unit(List.of("m-1", "m-2", "m-3"), () -> {
            aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 70), Fixtures.rated("m-1", 71)));
            aggregates.execute("m-2", current -> List.of(Fixtures.rated("m-2", 20)));
            aggregates.execute("m-3", current -> List.of(Fixtures.rated("m-3", 30)));
            // a command of the unit sees what the unit decided about another subject
            int seen = aggregates.load("m-1").state().points().size();
            aggregates.execute("m-3", current -> List.of(Fixtures.rated("m-3", seen)));
            // another instance appends to m-2 meanwhile
            var last = events.readFrom(Topics.MEMBERSHIP, "m-2", 1).getLast();
            events.append("m-2", 1, last.hash(), List.of(Fixtures.rated("m-2", 15)));
            return seen;
        });

        assertThat(committed.result()).isEqualTo(2);
        assertThat(committed.refused()).containsExactly("m-2");
        assertThat(committed.stored()).extracting(e -> e.subject() + ":" + e.seq())
                .containsExactlyInAnyOrder("m-1:1", "m-1:2", "m-3:1", "m-3:2");
        assertThat(aggregates.load("m-1").state().points()).containsExactly(70, 71);
        assertThat(aggregates.load("m-2").state().points()).as("the other writer's, not the unit's")
                .containsExactly(10, 15);
        assertThat(aggregates.load("m-3").state().points()).containsExactly(30, 2);
    }

    @Test
    void a_command_of_a_unit_that_throws_takes_back_its_events_and_the_others_are_stored() {
        var committed = aggregates.unit(List.of("m-1", "m-2"), () -> {
            aggregates.attempt(() -> aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 70))));
            try {
                aggregates.attempt(() -> {
                    // a line that decides about two subjects, then fails half-way
                    aggregates.execute("m-2", current -> List.of(Fixtures.rated("m-2", 1)));
                    aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 71)));
                    throw new IllegalStateException("fails after deciding");
                });
            } catch (IllegalStateException expected) {
                // the unit goes on
            }
            assertThat(aggregates.load("m-1").state().points()).as("as before the failed command")
                    .containsExactly(70);
            assertThat(aggregates.load("m-2").exists()).isFalse();
            aggregates.attempt(() -> aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 72))));
            return null;
        });

        assertThat(committed.stored()).extracting(e -> e.subject() + ":" + e.seq())
                .containsExactly("m-1:1", "m-1:2");
        assertThat(aggregates.load("m-1").state().points()).containsExactly(70, 72);
        assertThat(aggregates.load("m-2").exists()).isFalse();
    }

    @Test
    void followers_see_each_subjects_new_events_with_the_state_just_before_them() {
        aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 70)));
        List<String> seen = new java.util.ArrayList<>();
        aggregates.onStored((before, stored) -> seen.add(before.seq() + "->" + stored.stream()
                .map(e -> String.valueOf(e.seq())).toList()));

        aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 80)));
        aggregates.unit(List.of("m-1", "m-2"), () -> {
            aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 90)));
            aggregates.execute("m-2", current -> List.of(Fixtures.rated("m-2", 1), Fixtures.rated("m-2", 2)));
            return null;
        });

        assertThat(seen).containsExactly("1->[2]", "2->[3]", "0->[1, 2]");
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

    @Test
    void a_state_kept_in_memory_still_sees_what_another_instance_appended_and_decides_on_it() {
        aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 70)));
        var otherInstance = new AggregateStore<>(events, Topics.MEMBERSHIP, database.getCollection("scores"),
                Fixtures.Scores.class, Fixtures.Scores::apply);
        otherInstance.execute("m-1", current -> List.of(Fixtures.rated("m-1", 75)));
        otherInstance.execute("m-1", current -> List.of(Fixtures.rated("m-1", 80)));
        AtomicInteger runs = new AtomicInteger();

        var result = aggregates.execute("m-1", current -> {
            runs.incrementAndGet();
            assertThat(current.state().points()).containsExactly(70, 75, 80);
            return List.of(Fixtures.rated("m-1", 85));
        });

        assertThat(runs).as("decided once, on the caught-up state: no conflict to retry").hasValue(1);
        assertThat(result.current().seq()).isEqualTo(4);
        assertThat(otherInstance.load("m-1").state().points()).containsExactly(70, 75, 80, 85);
    }

    @Test
    void a_state_kept_in_memory_is_not_read_again_from_its_snapshot() {
        for (int i = 0; i < AggregateStore.SNAPSHOT_EVERY; i++) {
            aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 60)));
        }
        var snapshots = new SnapshotStore<>(database.getCollection("scores"), Fixtures.Scores.class);
        var stored = snapshots.find("m-1").orElseThrow();
        // a snapshot that disagrees with the events: only a store that reads it can answer it
        snapshots.replace("m-1", new Current<>(new Fixtures.Scores(List.of(1)), stored.seq(), stored.hash()));
        var keepingNothing = new AggregateStore<>(events, Topics.MEMBERSHIP, database.getCollection("scores"),
                Fixtures.Scores.class, 1, 0, Fixtures.Scores::apply);

        assertThat(aggregates.load("m-1").state().points()).hasSize(AggregateStore.SNAPSHOT_EVERY);
        assertThat(keepingNothing.load("m-1").state().points()).containsExactly(1);
    }

    @Test
    void a_subject_of_a_unit_of_work_is_kept_as_stored_and_a_refused_one_as_the_other_writer_left_it() {
        aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 10)));
        aggregates.execute("m-2", current -> List.of(Fixtures.rated("m-2", 20)));

        var committed = aggregates.unit(List.of("m-1", "m-2"), () -> {
            aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 11)));
            aggregates.execute("m-2", current -> List.of(Fixtures.rated("m-2", 21)));
            // another instance appends to m-2 before the unit stores its events
            var last = events.readFrom(Topics.MEMBERSHIP, "m-2", 1).getLast();
            events.append("m-2", 1, last.hash(), List.of(Fixtures.rated("m-2", 99)));
            return null;
        });

        assertThat(committed.refused()).containsExactly("m-2");
        assertThat(aggregates.load("m-1").state().points()).containsExactly(10, 11);
        assertThat(aggregates.load("m-2").state().points()).containsExactly(20, 99);
    }
}
