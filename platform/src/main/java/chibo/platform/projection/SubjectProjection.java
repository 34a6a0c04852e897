package chibo.platform.projection;

import chibo.contracts.EventEnvelope;
import chibo.platform.eventstore.Current;
import chibo.platform.eventstore.SnapshotStore;
import chibo.platform.eventstore.StateFold;
import chibo.platform.projection.SequenceGate.Outcome;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A consumer's own view of each subject, folded from the subject's events in seq order and exactly once in
 * effect, through the {@link SequenceGate}: a redelivered event (seq already applied) is skipped; an event that
 * arrives before its predecessor is parked in {@code <name>_parked}, counted in a metric, and applied as soon as the
 * gap closes; it is never applied out of order.
 *
 * <p>Side effects on other documents run before the subject's state is saved and must be idempotent, so a crash
 * between the two only repeats them.
 */
public class SubjectProjection<S> {

    private static final Logger log = LoggerFactory.getLogger(SubjectProjection.class);

    private final SnapshotStore<S> states;
    private final MongoCollection<Document> parked;
    private final StateFold<S> fold;
    private final SequenceGate.Arrivals arrivals;
    private final SequenceGate gate;

    /**
     * @param name the projection's collection; parked events go to {@code <name>_parked}
     */
    public SubjectProjection(MongoDatabase database, String name, Class<S> stateType, StateFold<S> fold,
                             MeterRegistry meters) {
        this.states = new SnapshotStore<>(database.getCollection(name), stateType);
        this.parked = database.getCollection(name + "_parked");
        this.fold = fold;
        this.arrivals = new CountedArrivals(name, meters);
        this.gate = new SequenceGate(new MongoParking(parked), arrivals);
    }

    /** Changes to make elsewhere when a subject's state moves from {@code before} (null at first) to {@code after}. */
    @FunctionalInterface
    public interface SideEffects<S> {
        void apply(S before, S after, EventEnvelope event);
    }

    /** One event applied: the subject's state before it (null at first) and after it. */
    public record Change<S>(S before, S after, EventEnvelope event) {
    }

    /**
     * Changes to make elsewhere for a batch of events, given in the order they were applied (a subject's in seq
     * order): so that a document several of them touch is read and written once.
     */
    @FunctionalInterface
    public interface BatchSideEffects<S> {
        void apply(List<Change<S>> changes);

        /** The per-event side effects, run one change after another. */
        static <S> BatchSideEffects<S> each(SideEffects<S> sideEffects) {
            return changes -> changes.forEach(change -> sideEffects.apply(change.before(), change.after(),
                    change.event()));
        }
    }

    public Optional<S> find(String subject) {
        return states.find(subject).map(Current::state);
    }

    public Optional<Current<S>> current(String subject) {
        return states.find(subject);
    }

    /** Applies the event, and the parked events it makes ready, each saved as it is applied. */
    public Outcome accept(EventEnvelope event, SideEffects<S> sideEffects) {
        Applying subject = new Applying(states.find(event.subject()).orElse(none()), sideEffects);
        return gate.offer(event, subject.current.seq(), subject::apply);
    }

    /**
     * Applies a batch of events, each subject's in the order given, with the same effect as {@link #accept} one by
     * one: the subjects' states are read in one query, the events folded in memory, the side effects run once for
     * the whole batch, then the states are written in one bulk write. Events parked earlier that the batch makes
     * ready are applied too.
     *
     * @return what became of each event, in the order given
     */
    public List<Outcome> acceptAll(List<EventEnvelope> events, BatchSideEffects<S> sideEffects) {
        Set<String> subjects = new LinkedHashSet<>();
        events.forEach(event -> subjects.add(event.subject()));
        Map<String, Current<S>> working = new HashMap<>(states.findAll(subjects));
        Map<String, Current<S>> changed = new LinkedHashMap<>();
        List<Change<S>> changes = new ArrayList<>();
        Consumer<EventEnvelope> foldInMemory = event -> {
            Current<S> next = fold(working.getOrDefault(event.subject(), none()), event, changes);
            working.put(event.subject(), next);
            changed.put(event.subject(), next);
        };
        MongoParking.Batch parking = new MongoParking.Batch(parked);
        SequenceGate batchGate = new SequenceGate(parking, arrivals);
        List<Outcome> outcomes = new ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            outcomes.add(batchGate.admit(event, working.getOrDefault(event.subject(), none()).seq(), foldInMemory));
        }
        parking.writeParked();
        Map<String, Long> applied = new HashMap<>();
        changed.forEach((subject, current) -> applied.put(subject, current.seq()));
        batchGate.releaseAll(applied, foldInMemory);
        sideEffects.apply(changes);
        if (!changed.isEmpty()) {
            List<WriteModel<Document>> writes = new ArrayList<>(changed.size());
            changed.forEach((subject, current) -> writes.add(states.replaceModel(subject, current)));
            states.bulkWrite(writes);
        }
        parking.deleteReleased();
        return outcomes;
    }

    private Current<S> fold(Current<S> current, EventEnvelope event, List<Change<S>> changes) {
        S after = fold.apply(current.state(), event);
        changes.add(new Change<>(current.state(), after, event));
        return new Current<>(after, event.seq(), event.hash());
    }

    private static <S> Current<S> none() {
        return new Current<>(null, 0, null);
    }

    /** A subject's state as events are applied to it one by one, with their side effects, each saved at once. */
    private final class Applying {

        private Current<S> current;
        private final SideEffects<S> sideEffects;

        Applying(Current<S> current, SideEffects<S> sideEffects) {
            this.current = current;
            this.sideEffects = sideEffects;
        }

        void apply(EventEnvelope event) {
            S after = fold.apply(current.state(), event);
            sideEffects.apply(current.state(), after, event);
            current = new Current<>(after, event.seq(), event.hash());
            // one consumer applies a subject's events, and it has just read the stored state: replace it outright
            states.replace(event.subject(), current);
        }
    }

    /** Repeats and parkings counted per projection; a parking logged, as it means a producer or a partition lags. */
    private static final class CountedArrivals implements SequenceGate.Arrivals {

        private final Counter duplicates;
        private final Counter parked;

        CountedArrivals(String name, MeterRegistry meters) {
            this.duplicates = Counter.builder("chibo.projection.duplicates").tag("projection", name)
                    .description("redelivered events skipped").register(meters);
            this.parked = Counter.builder("chibo.projection.parked").tag("projection", name)
                    .description("events parked because an earlier event of their subject had not arrived")
                    .register(meters);
        }

        @Override
        public void duplicate(EventEnvelope event) {
            duplicates.increment();
        }

        @Override
        public void parked(EventEnvelope event, long awaitedSeq) {
            parked.increment();
            log.warn("parked {} seq {}: waiting for seq {}", event.subject(), event.seq(), awaitedSeq);
        }
    }
}
