package chibo.platform.eventstore;

import chibo.contracts.EventEnvelope;
import chibo.contracts.Topics;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command run again under the correlation of a run that was cut off (its process died after storing its events
 * and before answering) finds what that run stored instead of deciding twice; one that had stored nothing decides.
 */
class ResumedCommandTest {

    private EventStore events;
    private AggregateStore<Fixtures.Scores> aggregates;
    private final UUID command = UUID.randomUUID();
    private final AtomicInteger decided = new AtomicInteger();

    @BeforeEach
    void fresh() {
        MongoDatabase database = Fixtures.freshDatabase();
        events = Fixtures.store(database);
        aggregates = new AggregateStore<>(events, Topics.MEMBERSHIP, database.getCollection("scores"),
                Fixtures.Scores.class, Fixtures.Scores::apply);
    }

    private AggregateStore.Result<Fixtures.Scores> rate(String subject, int points) {
        return aggregates.execute(subject, current -> {
            decided.incrementAndGet();
            return List.of(Fixtures.ratedByThisCommand(subject, points));
        });
    }

    private List<EventEnvelope> history(String subject) {
        return events.readFrom(Topics.MEMBERSHIP, subject, 1);
    }

    @Test
    void run_again_after_storing_it_answers_with_the_stored_events_and_stores_nothing() {
        aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 60)));
        List<EventEnvelope> first;
        try (var run = Correlation.open(command, false)) {
            first = rate("m-1", 70).events();
        }

        AggregateStore.Result<Fixtures.Scores> again;
        try (var rerun = Correlation.open(command, true)) {
            again = rate("m-1", 70);
        }

        assertThat(decided).as("decided by the first run only").hasValue(1);
        assertThat(again.events()).isEqualTo(first);
        assertThat(again.current().state().points()).containsExactly(60, 70);
        assertThat(history("m-1")).hasSize(2);
    }

    @Test
    void run_again_after_storing_nothing_decides_as_the_first_run_would_have() {
        aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 60)));

        AggregateStore.Result<Fixtures.Scores> again;
        try (var rerun = Correlation.open(command, true)) {
            again = rate("m-1", 70);
        }

        assertThat(decided).hasValue(1);
        assertThat(again.events()).singleElement().satisfies(event ->
                assertThat(event.correlationId()).isEqualTo(command));
        assertThat(history("m-1")).hasSize(2);
    }

    @Test
    void the_stored_events_are_found_behind_a_snapshot_taken_since() {
        for (int i = 1; i < AggregateStore.SNAPSHOT_EVERY; i++) {
            aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 50)));
        }
        try (var run = Correlation.open(command, false)) {
            rate("m-1", 70);
        }
        for (int i = 0; i < AggregateStore.SNAPSHOT_EVERY; i++) {
            aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 40)));
        }
        int stored = history("m-1").size();

        try (var rerun = Correlation.open(command, true)) {
            assertThat(rate("m-1", 70).events()).singleElement().satisfies(event ->
                    assertThat(event.seq()).isEqualTo(AggregateStore.SNAPSHOT_EVERY));
        }
        assertThat(history("m-1")).hasSize(stored);
    }

    @Test
    void a_command_cut_off_between_two_decisions_on_a_subject_makes_only_the_second_when_run_again() {
        try (var run = Correlation.open(command, false)) {
            rate("m-1", 70);
            // the process dies here, before the command's second decision on the subject
        }

        try (var rerun = Correlation.open(command, true)) {
            rate("m-1", 70);
            rate("m-1", 80);
        }

        assertThat(aggregates.load("m-1").state().points()).containsExactly(70, 80);
        assertThat(decided).as("the first decision once, the second once").hasValue(2);
    }

    @Test
    void a_subject_the_first_run_created_is_answered_as_created() {
        try (var run = Correlation.open(command, false)) {
            aggregates.create("m-1", current -> List.of(Fixtures.ratedByThisCommand("m-1", 70)));
        }

        AggregateStore.Result<Fixtures.Scores> again;
        try (var rerun = Correlation.open(command, true)) {
            again = aggregates.create("m-1", current -> {
                decided.incrementAndGet();
                return current.exists() ? List.of() : List.of(Fixtures.ratedByThisCommand("m-1", 70));
            });
        }

        assertThat(again.events()).singleElement().satisfies(event -> assertThat(event.seq()).isEqualTo(1));
        assertThat(again.current().exists()).isTrue();
        assertThat(history("m-1")).hasSize(1);
    }

    @Test
    void a_unit_of_work_run_again_stores_only_what_the_first_run_did_not() {
        try (var run = Correlation.open(command, false)) {
            rate("m-1", 70);
        }

        try (var rerun = Correlation.open(command, true)) {
            aggregates.unit(List.of("m-1", "m-2"), () -> List.of(rate("m-1", 70), rate("m-2", 75)));
        }

        assertThat(aggregates.load("m-1").state().points()).containsExactly(70);
        assertThat(aggregates.load("m-2").state().points()).containsExactly(75);
    }

    @Test
    void a_second_run_of_the_same_command_that_meets_the_first_ones_events_takes_them_instead_of_deciding_again() {
        aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 60)));
        AtomicInteger runs = new AtomicInteger();

        AggregateStore.Result<Fixtures.Scores> result;
        try (var run = Correlation.open(command, false)) {
            result = aggregates.execute("m-1", current -> {
                if (runs.incrementAndGet() == 1) {
                    // the same command, still running on an instance thought dead, stores its decision first
                    events.append("m-1", 1, events.readFrom(Topics.MEMBERSHIP, "m-1", 1).getLast().hash(),
                            List.of(Fixtures.ratedByThisCommand("m-1", 70)));
                }
                return List.of(Fixtures.ratedByThisCommand("m-1", 70));
            });
        }

        assertThat(runs).as("not decided again once the other run's events are seen").hasValue(1);
        assertThat(result.events()).singleElement().satisfies(event -> assertThat(event.seq()).isEqualTo(2));
        assertThat(history("m-1")).hasSize(2);
    }

    @Test
    void without_a_fixed_correlation_a_command_always_decides() {
        aggregates.execute("m-1", current -> List.of(Fixtures.rated("m-1", 60)));

        rate("m-1", 70);
        rate("m-1", 70);

        assertThat(decided).hasValue(2);
        assertThat(history("m-1")).hasSize(3);
        assertThat(Correlation.fixed()).isEmpty();
    }
}
