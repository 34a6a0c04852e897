package chibo.platform.projection;

import chibo.contracts.EventEnvelope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Lets each subject's events through once and in seq order, whatever order they arrive in: an event at or below the
 * subject's last applied seq is a repeat and is skipped; the next one is applied, then the parked events that follow
 * it, in order; one further ahead is parked until the gap closes, and never applied out of order. Every consumer
 * that needs order goes through this gate; where it keeps its states and its parked events (a MongoDB collection, a
 * Kafka Streams store) is its own.
 *
 * <p>Applying an event leaves its subject's last applied seq at the event's seq. A repeat is told by its seq alone:
 * its content is not compared with what was applied.
 */
public final class SequenceGate {

    private final Parking parking;
    private final Arrivals arrivals;

    public SequenceGate(Parking parking, Arrivals arrivals) {
        this.parking = parking;
        this.arrivals = arrivals;
    }

    /** What became of an event. */
    public enum Outcome {
        /** It was its subject's next event: applied. */
        APPLIED,
        /** Its seq had been applied already (a redelivery): skipped. */
        DUPLICATE,
        /** An earlier event of its subject had not arrived: parked until it does. */
        PARKED,
        /** It was its subject's next event, but the consumer turned it away (dead-lettered it): nothing released. */
        REFUSED
    }

    /** Where events that arrived before their predecessor wait. */
    public interface Parking {

        /** Keeps an event until it can be applied; an event parked again replaces itself. */
        void park(EventEnvelope event);

        /** The subject's parked event at this seq, if there is one. */
        Optional<EventEnvelope> find(String subject, long seq);

        /**
         * The parked events at these seqs (by subject), in any order. One {@link #find} per subject unless the store
         * can look for them all at once.
         */
        default List<EventEnvelope> findAll(Map<String, Long> seqs) {
            List<EventEnvelope> found = new ArrayList<>();
            seqs.forEach((subject, seq) -> find(subject, seq).ifPresent(found::add));
            return found;
        }

        /** The parked event has been applied: it waits no more. */
        void release(EventEnvelope event);
    }

    /** What the gate reports about the events it does not apply when they arrive: for metrics and logs. */
    public interface Arrivals {

        void duplicate(EventEnvelope event);

        void parked(EventEnvelope event, long awaitedSeq);
    }

    /**
     * Applies the event if it is its subject's next, then the parked events that follow it; parks it if it is
     * ahead; skips it if it is a repeat.
     *
     * @param lastApplied the seq of the subject's last applied event, 0 for none
     */
    public Outcome offer(EventEnvelope event, long lastApplied, Consumer<EventEnvelope> apply) {
        return offer(event, lastApplied, arrived -> {
            apply.accept(arrived);
            return true;
        }, apply);
    }

    /**
     * As {@link #offer(EventEnvelope, long, Consumer)}, for a consumer that may turn away the event offered.
     *
     * @param applyArrived  applies the event offered; false when the consumer turned it away instead
     * @param applyReleased applies a parked event that the event offered released
     */
    public Outcome offer(EventEnvelope event, long lastApplied, Predicate<EventEnvelope> applyArrived,
                         Consumer<EventEnvelope> applyReleased) {
        Outcome outcome = judge(event, lastApplied);
        if (outcome != Outcome.APPLIED) {
            return outcome;
        }
        if (!applyArrived.test(event)) {
            return Outcome.REFUSED;
        }
        release(event.subject(), event.seq(), applyReleased);
        return Outcome.APPLIED;
    }

    /**
     * As {@link #offer(EventEnvelope, long, Consumer)} but releasing nothing: for a consumer that takes a batch of
     * events and then releases, with {@link #releaseAll}, what the batch made ready for all its subjects at once.
     */
    public Outcome admit(EventEnvelope event, long lastApplied, Consumer<EventEnvelope> apply) {
        Outcome outcome = judge(event, lastApplied);
        if (outcome == Outcome.APPLIED) {
            apply.accept(event);
        }
        return outcome;
    }

    /** Applies the subject's parked events that follow its last applied one, in seq order, until the next gap. */
    public void release(String subject, long lastApplied, Consumer<EventEnvelope> apply) {
        long last = lastApplied;
        for (Optional<EventEnvelope> next = parking.find(subject, last + 1); next.isPresent();
             next = parking.find(subject, last + 1)) {
            applyParked(next.get(), apply);
            last = next.get().seq();
        }
    }

    /**
     * {@link #release} for several subjects at once, looking for all their next events in one {@link
     * Parking#findAll} at a time.
     *
     * @param lastApplied each subject's last applied seq
     */
    public void releaseAll(Map<String, Long> lastApplied, Consumer<EventEnvelope> apply) {
        Map<String, Long> open = new HashMap<>(lastApplied);
        while (!open.isEmpty()) {
            Map<String, Long> wanted = new HashMap<>();
            open.forEach((subject, last) -> wanted.put(subject, last + 1));
            Map<String, Long> advanced = new HashMap<>();
            for (EventEnvelope next : parking.findAll(wanted)) {
                applyParked(next, apply);
                advanced.put(next.subject(), next.seq());
            }
            open = advanced;
        }
    }

    /** A repeat is counted, an event ahead is parked and counted; {@code APPLIED} says the event is the next. */
    private Outcome judge(EventEnvelope event, long lastApplied) {
        if (event.seq() <= lastApplied) {
            arrivals.duplicate(event);
            return Outcome.DUPLICATE;
        }
        if (event.seq() > lastApplied + 1) {
            parking.park(event);
            arrivals.parked(event, lastApplied + 1);
            return Outcome.PARKED;
        }
        return Outcome.APPLIED;
    }

    /** Applied before it leaves the parking, so that a crash between the two leaves it parked, not lost. */
    private void applyParked(EventEnvelope event, Consumer<EventEnvelope> apply) {
        apply.accept(event);
        parking.release(event);
    }
}
