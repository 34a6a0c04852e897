package chibo.platform.projection;

import chibo.contracts.EventEnvelope;
import chibo.platform.eventstore.Current;
import chibo.platform.eventstore.EventDocuments;
import chibo.platform.eventstore.SnapshotStore;
import chibo.platform.eventstore.StateFold;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
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

/**
 * A consumer's own view of each subject, folded from the subject's events in seq order and exactly once in
 * effect: a redelivered event (seq already applied) is skipped; an event that arrives before its predecessor is
 * parked, counted in a metric, and applied as soon as the gap closes; it is never applied out of order.
 *
 * <p>Side effects on other documents run before the subject's state is saved and must be idempotent, so a crash
 * between the two only repeats them.
 */
public class SubjectProjection<S> {

    private static final Logger log = LoggerFactory.getLogger(SubjectProjection.class);

    private final SnapshotStore<S> states;
    private final MongoCollection<Document> parked;
    private final StateFold<S> fold;
    private final Counter duplicates;
    private final Counter parkedCount;

    /**
     * @param name the projection's collection; parked events go to {@code <name>_parked}
     */
    public SubjectProjection(MongoDatabase database, String name, Class<S> stateType, StateFold<S> fold,
                             MeterRegistry meters) {
        this.states = new SnapshotStore<>(database.getCollection(name), stateType);
        this.parked = database.getCollection(name + "_parked");
        this.fold = fold;
        this.duplicates = Counter.builder("chibo.projection.duplicates").tag("projection", name)
                .description("redelivered events skipped").register(meters);
        this.parkedCount = Counter.builder("chibo.projection.parked").tag("projection", name)
                .description("events parked because an earlier event of their subject had not arrived")
                .register(meters);
    }

    /** What became of an event. */
    public enum Outcome {
        APPLIED, DUPLICATE, PARKED
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

    public Outcome accept(EventEnvelope event, SideEffects<S> sideEffects) {
        Current<S> current = states.find(event.subject()).orElse(new Current<>(null, 0, null));
        if (event.seq() <= current.seq()) {
            duplicates.increment();
            return Outcome.DUPLICATE;
        }
        if (event.seq() > current.seq() + 1) {
            parked.replaceOne(Filters.eq("_id", event.storageId()), EventDocuments.toDocument(event),
                    new ReplaceOptions().upsert(true));
            parkedCount.increment();
            log.warn("parked {} seq {}: waiting for seq {}", event.subject(), event.seq(), current.seq() + 1);
            return Outcome.PARKED;
        }
        current = applyOne(current, event, sideEffects);
        String subject = event.subject();
        for (Document next = parkedAfter(subject, current); next != null; next = parkedAfter(subject, current)) {
            current = applyOne(current, EventDocuments.toEnvelope(next), sideEffects);
            parked.deleteOne(Filters.eq("_id", next.get("_id")));
        }
        return Outcome.APPLIED;
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
        List<Outcome> outcomes = new ArrayList<>(events.size());
        List<WriteModel<Document>> parkings = new ArrayList<>();
        for (EventEnvelope event : events) {
            Current<S> current = working.getOrDefault(event.subject(), new Current<>(null, 0, null));
            if (event.seq() <= current.seq()) {
                duplicates.increment();
                outcomes.add(Outcome.DUPLICATE);
            } else if (event.seq() > current.seq() + 1) {
                parkings.add(new ReplaceOneModel<>(Filters.eq("_id", event.storageId()),
                        EventDocuments.toDocument(event), new ReplaceOptions().upsert(true)));
                parkedCount.increment();
                log.warn("parked {} seq {}: waiting for seq {}", event.subject(), event.seq(), current.seq() + 1);
                outcomes.add(Outcome.PARKED);
            } else {
                Current<S> next = fold(current, event, changes);
                working.put(event.subject(), next);
                changed.put(event.subject(), next);
                outcomes.add(Outcome.APPLIED);
            }
        }
        if (!parkings.isEmpty()) {
            parked.bulkWrite(parkings, new BulkWriteOptions().ordered(false));
        }
        List<Object> released = releaseParked(changed, changes);
        sideEffects.apply(changes);
        if (!changed.isEmpty()) {
            List<WriteModel<Document>> writes = new ArrayList<>(changed.size());
            changed.forEach((subject, current) -> writes.add(states.replaceModel(subject, current)));
            states.bulkWrite(writes);
        }
        if (!released.isEmpty()) {
            parked.deleteMany(Filters.in("_id", released));
        }
        return outcomes;
    }

    /**
     * Applies the parked events that follow what the batch applied, subject by subject, looking for all subjects'
     * next events in one query at a time.
     *
     * @return the ids of the parked events applied
     */
    private List<Object> releaseParked(Map<String, Current<S>> changed, List<Change<S>> changes) {
        List<Object> released = new ArrayList<>();
        Map<String, Current<S>> open = new HashMap<>(changed);
        while (!open.isEmpty()) {
            List<String> ids = open.entrySet().stream()
                    .map(entry -> EventEnvelope.storageId(entry.getKey(), entry.getValue().seq() + 1)).toList();
            Map<String, Current<S>> advanced = new HashMap<>();
            for (Document next : parked.find(Filters.in("_id", ids))) {
                EventEnvelope event = EventDocuments.toEnvelope(next);
                Current<S> current = fold(open.get(event.subject()), event, changes);
                advanced.put(event.subject(), current);
                changed.put(event.subject(), current);
                released.add(next.get("_id"));
            }
            open = advanced;
        }
        return released;
    }

    private Current<S> fold(Current<S> current, EventEnvelope event, List<Change<S>> changes) {
        S after = fold.apply(current.state(), event);
        changes.add(new Change<>(current.state(), after, event));
        return new Current<>(after, event.seq(), event.hash());
    }

    private Current<S> applyOne(Current<S> current, EventEnvelope event, SideEffects<S> sideEffects) {
        S after = fold.apply(current.state(), event);
        sideEffects.apply(current.state(), after, event);
        Current<S> next = new Current<>(after, event.seq(), event.hash());
        // one consumer applies a subject's events, and it has just read the stored state: replace it outright
        states.replace(event.subject(), next);
        return next;
    }

    private Document parkedAfter(String subject, Current<S> current) {
        return parked.find(Filters.eq("_id", EventEnvelope.storageId(subject, current.seq() + 1))).first();
    }
}
