package chibo.platform.projection;

import chibo.contracts.EventEnvelope;
import chibo.contracts.member.MemberRated;
import chibo.contracts.member.RatingLevel;
import chibo.platform.projection.SequenceGate.Outcome;
import chibo.testsupport.EventChains;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class SequenceGateTest {

    private final EventChains chains = new EventChains("/chibo/test");
    private final InMemoryParking parking = new InMemoryParking();
    private final List<String> reported = new ArrayList<>();
    private final SequenceGate gate = new SequenceGate(parking, new SequenceGate.Arrivals() {
        @Override
        public void duplicate(EventEnvelope event) {
            reported.add("duplicate " + event.storageId());
        }

        @Override
        public void parked(EventEnvelope event, long awaitedSeq) {
            reported.add("parked " + event.storageId() + " awaiting " + awaitedSeq);
        }
    });
    /** Each subject's last applied seq, as a consumer keeps it. */
    private final Map<String, Long> lastApplied = new HashMap<>();
    private final List<String> applied = new ArrayList<>();

    @Test
    void events_in_order_are_applied() {
        var first = next("m-1");
        var second = next("m-1");

        assertThat(offer(first)).isEqualTo(Outcome.APPLIED);
        assertThat(offer(second)).isEqualTo(Outcome.APPLIED);

        assertThat(applied).containsExactly("m-1:1", "m-1:2");
        assertThat(reported).isEmpty();
    }

    @Test
    void a_repeat_is_skipped_and_reported() {
        var first = next("m-1");
        var second = next("m-1");
        offer(first);
        offer(second);

        assertThat(offer(first)).isEqualTo(Outcome.DUPLICATE);
        assertThat(offer(second)).isEqualTo(Outcome.DUPLICATE);

        assertThat(applied).containsExactly("m-1:1", "m-1:2");
        assertThat(reported).containsExactly("duplicate " + first.storageId(), "duplicate " + second.storageId());
    }

    @Test
    void an_event_ahead_of_its_predecessor_is_parked_and_applied_when_the_gap_closes() {
        var first = next("m-1");
        var second = next("m-1");

        assertThat(offer(second)).isEqualTo(Outcome.PARKED);
        assertThat(applied).isEmpty();
        assertThat(parking.ids()).containsExactly(second.storageId());
        assertThat(reported).containsExactly("parked " + second.storageId() + " awaiting 1");

        assertThat(offer(first)).isEqualTo(Outcome.APPLIED);

        assertThat(applied).containsExactly("m-1:1", "m-1:2");
        assertThat(parking.ids()).isEmpty();
    }

    @Test
    void several_parked_events_are_released_in_seq_order_up_to_the_next_gap() {
        var first = next("m-1");
        var second = next("m-1");
        var third = next("m-1");
        next("m-1");
        var fifth = next("m-1");
        offer(fifth);
        offer(third);
        offer(second);

        offer(first);

        assertThat(applied).containsExactly("m-1:1", "m-1:2", "m-1:3");
        assertThat(parking.ids()).containsExactly(fifth.storageId());
    }

    @Test
    void parked_events_of_other_subjects_are_left_waiting() {
        var m1First = next("m-1");
        var m1Second = next("m-1");
        next("m-2");
        var m2Second = next("m-2");
        offer(m1Second);
        offer(m2Second);

        offer(m1First);

        assertThat(applied).containsExactly("m-1:1", "m-1:2");
        assertThat(parking.ids()).containsExactly(m2Second.storageId());
    }

    @Test
    void a_parked_event_delivered_again_is_parked_once_and_applied_once() {
        var first = next("m-1");
        var second = next("m-1");

        assertThat(offer(second)).isEqualTo(Outcome.PARKED);
        assertThat(offer(second)).isEqualTo(Outcome.PARKED);
        assertThat(parking.ids()).containsExactly(second.storageId());

        offer(first);

        assertThat(applied).containsExactly("m-1:1", "m-1:2");
    }

    @Test
    void an_event_the_consumer_turns_away_releases_nothing() {
        var first = next("m-1");
        var second = next("m-1");
        offer(second);

        Outcome outcome = gate.offer(first, 0, refused -> false, this::apply);

        assertThat(outcome).isEqualTo(Outcome.REFUSED);
        assertThat(applied).isEmpty();
        assertThat(parking.ids()).containsExactly(second.storageId());
    }

    @Test
    void a_released_event_is_applied_the_way_released_events_are() {
        var first = next("m-1");
        var second = next("m-1");
        offer(second);

        gate.offer(first, 0, arrived -> {
            apply(arrived);
            return true;
        }, released -> {
            applied.add("released");
            apply(released);
        });

        assertThat(applied).containsExactly("m-1:1", "released", "m-1:2");
    }

    @Test
    void a_batch_admitted_without_release_is_released_for_all_its_subjects_at_once() {
        var m1First = next("m-1");
        var m1Second = next("m-1");
        var m1Third = next("m-1");
        var m2First = next("m-2");
        var m2Second = next("m-2");
        next("m-3");
        var m3Second = next("m-3");
        offer(m3Second);

        List<Outcome> outcomes = new ArrayList<>();
        for (EventEnvelope event : List.of(m1Third, m2Second, m1First, m2First, m1Second)) {
            outcomes.add(gate.admit(event, lastApplied.getOrDefault(event.subject(), 0L), this::apply));
        }
        assertThat(outcomes).containsExactly(Outcome.PARKED, Outcome.PARKED, Outcome.APPLIED, Outcome.APPLIED,
                Outcome.APPLIED);
        assertThat(applied).containsExactly("m-1:1", "m-2:1", "m-1:2");

        gate.releaseAll(Map.copyOf(lastApplied), this::apply);

        assertThat(applied).containsExactlyInAnyOrder("m-1:1", "m-2:1", "m-1:2", "m-1:3", "m-2:2");
        assertThat(applied.indexOf("m-1:3")).isGreaterThan(applied.indexOf("m-1:2"));
        assertThat(applied.indexOf("m-2:2")).isGreaterThan(applied.indexOf("m-2:1"));
        assertThat(parking.ids()).containsExactly(m3Second.storageId());
    }

    @Test
    void a_batch_release_follows_a_run_of_parked_events_one_lookup_per_step() {
        var first = next("m-1");
        List<EventEnvelope> later = List.of(next("m-1"), next("m-1"), next("m-1"));
        later.forEach(this::offer);
        gate.admit(first, 0, this::apply);

        gate.releaseAll(Map.of("m-1", 1L), this::apply);

        assertThat(applied).containsExactly("m-1:1", "m-1:2", "m-1:3", "m-1:4");
        assertThat(parking.lookups).isEqualTo(4);
    }

    private EventEnvelope next(String subject) {
        return chains.next(subject, LocalDate.of(2025, 12, 20), "cell-1",
                new MemberRated(2025, RatingLevel.GOOD, 80));
    }

    private Outcome offer(EventEnvelope event) {
        return gate.offer(event, lastApplied.getOrDefault(event.subject(), 0L), this::apply);
    }

    private void apply(EventEnvelope event) {
        applied.add(event.subject() + ":" + event.seq());
        lastApplied.put(event.subject(), event.seq());
    }

    /** Parked events in a map by storage id, as the Kafka Streams store keeps them; counts its batch lookups. */
    private static final class InMemoryParking implements SequenceGate.Parking {

        private final Map<String, EventEnvelope> parked = new TreeMap<>();
        private int lookups;

        @Override
        public void park(EventEnvelope event) {
            parked.put(event.storageId(), event);
        }

        @Override
        public Optional<EventEnvelope> find(String subject, long seq) {
            return Optional.ofNullable(parked.get(EventEnvelope.storageId(subject, seq)));
        }

        @Override
        public List<EventEnvelope> findAll(Map<String, Long> seqs) {
            lookups++;
            return SequenceGate.Parking.super.findAll(seqs);
        }

        @Override
        public void release(EventEnvelope event) {
            parked.remove(event.storageId());
        }

        List<String> ids() {
            return List.copyOf(parked.keySet());
        }
    }
}
