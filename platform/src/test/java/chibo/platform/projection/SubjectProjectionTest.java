package chibo.platform.projection;

import chibo.contracts.EventEnvelope;
import chibo.contracts.member.MemberRated;
import chibo.contracts.member.RatingLevel;
import chibo.testsupport.EventChains;
import chibo.testsupport.TestMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static chibo.platform.projection.SequenceGate.Outcome.APPLIED;
import static chibo.platform.projection.SequenceGate.Outcome.DUPLICATE;
import static chibo.platform.projection.SequenceGate.Outcome.PARKED;
import static org.assertj.core.api.Assertions.assertThat;

/** The projection's MongoDB side of the sequence gate: states and parked events in their collections. */
class SubjectProjectionTest {

    private static final MongoClient CLIENT = MongoClients.create(TestMongo.uri("platform"));

    private final EventChains chains = new EventChains("/chibo/test");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> sideEffects = new ArrayList<>();
    private MongoDatabase database;
    private SubjectProjection<Seqs> projection;

    /** A toy view: the seqs applied to a subject, in the order they were applied. */
    record Seqs(List<Long> applied) {
        static Seqs apply(Seqs state, EventEnvelope event) {
            List<Long> applied = new ArrayList<>(state == null ? List.of() : state.applied());
            applied.add(event.seq());
            return new Seqs(applied);
        }
    }

    @BeforeEach
    void fresh() {
        database = CLIENT.getDatabase("projection_" + UUID.randomUUID().toString().replace("-", ""));
        projection = new SubjectProjection<>(database, "seqs", Seqs.class, Seqs::apply, meters);
    }

    @Test
    void events_in_order_are_applied_each_with_its_side_effects() {
        var first = rated("m-1");
        var second = rated("m-1");

        assertThat(projection.accept(first, this::record)).isEqualTo(APPLIED);
        assertThat(projection.accept(second, this::record)).isEqualTo(APPLIED);

        assertThat(projection.find("m-1").orElseThrow().applied()).containsExactly(1L, 2L);
        assertThat(projection.current("m-1").orElseThrow().hash()).isEqualTo(second.hash());
        assertThat(sideEffects).containsExactly("m-1 null->[1]", "m-1 [1]->[1, 2]");
    }

    @Test
    void a_redelivered_event_is_skipped_and_counted() {
        var first = rated("m-1");
        projection.accept(first, this::record);

        assertThat(projection.accept(first, this::record)).isEqualTo(DUPLICATE);

        assertThat(projection.find("m-1").orElseThrow().applied()).containsExactly(1L);
        assertThat(sideEffects).hasSize(1);
        assertThat(meters.counter("chibo.projection.duplicates", "projection", "seqs").count()).isEqualTo(1);
    }

    @Test
    void events_ahead_of_their_predecessor_are_parked_and_applied_in_order_when_the_gap_closes() {
        var first = rated("m-1");
        var second = rated("m-1");
        var third = rated("m-1");

        assertThat(projection.accept(third, this::record)).isEqualTo(PARKED);
        assertThat(projection.accept(second, this::record)).isEqualTo(PARKED);
        assertThat(projection.find("m-1")).isEmpty();
        assertThat(parkedIds()).containsExactlyInAnyOrder(second.storageId(), third.storageId());

        assertThat(projection.accept(first, this::record)).isEqualTo(APPLIED);

        assertThat(projection.find("m-1").orElseThrow().applied()).containsExactly(1L, 2L, 3L);
        assertThat(sideEffects).containsExactly("m-1 null->[1]", "m-1 [1]->[1, 2]", "m-1 [1, 2]->[1, 2, 3]");
        assertThat(parkedIds()).isEmpty();
        assertThat(meters.counter("chibo.projection.parked", "projection", "seqs").count()).isEqualTo(2);
    }

    @Test
    void a_parked_event_delivered_again_is_kept_once() {
        rated("m-1");
        var second = rated("m-1");

        projection.accept(second, this::record);
        projection.accept(second, this::record);

        assertThat(parkedIds()).containsExactly(second.storageId());
    }

    @Test
    void a_batch_has_the_effect_of_its_events_one_by_one_with_side_effects_once_in_the_order_applied() {
        var m1First = rated("m-1");
        var m1Second = rated("m-1");
        var m1Third = rated("m-1");
        var m2First = rated("m-2");
        List<List<String>> batches = new ArrayList<>();

        var outcomes = projection.acceptAll(List.of(m1Third, m1First, m2First, m1First, m1Second),
                changes -> batches.add(changes.stream()
                        .map(change -> described(change.before(), change.after(), change.event())).toList()));

        assertThat(outcomes).containsExactly(PARKED, APPLIED, APPLIED, DUPLICATE, APPLIED);
        assertThat(projection.find("m-1").orElseThrow().applied()).containsExactly(1L, 2L, 3L);
        assertThat(projection.find("m-2").orElseThrow().applied()).containsExactly(1L);
        assertThat(batches).containsExactly(List.of("m-1 null->[1]", "m-2 null->[1]",
                "m-1 [1]->[1, 2]", "m-1 [1, 2]->[1, 2, 3]"));
        assertThat(parkedIds()).isEmpty();
        assertThat(meters.counter("chibo.projection.parked", "projection", "seqs").count()).isEqualTo(1);
        assertThat(meters.counter("chibo.projection.duplicates", "projection", "seqs").count()).isEqualTo(1);
    }

    @Test
    void a_batch_releases_events_parked_before_it_and_leaves_other_subjects_parked() {
        var m1First = rated("m-1");
        var m1Second = rated("m-1");
        rated("m-2");
        var m2Second = rated("m-2");
        projection.accept(m1Second, this::record);
        projection.accept(m2Second, this::record);

        projection.acceptAll(List.of(m1First), changes -> { });

        assertThat(projection.find("m-1").orElseThrow().applied()).containsExactly(1L, 2L);
        assertThat(projection.find("m-2")).isEmpty();
        assertThat(parkedIds()).containsExactly(m2Second.storageId());
    }

    private EventEnvelope rated(String subject) {
        return chains.next(subject, LocalDate.of(2025, 12, 20), "cell-1",
                new MemberRated(2025, RatingLevel.GOOD, 80));
    }

    private void record(Seqs before, Seqs after, EventEnvelope event) {
        sideEffects.add(described(before, after, event));
    }

    private static String described(Seqs before, Seqs after, EventEnvelope event) {
        return event.subject() + " " + (before == null ? "null" : before.applied()) + "->" + after.applied();
    }

    private List<Object> parkedIds() {
        List<Object> ids = new ArrayList<>();
        database.getCollection("seqs_parked").find().forEach((Document parked) -> ids.add(parked.get("_id")));
        return ids;
    }
}
