package chibo.platform.projection;

import chibo.contracts.EventEnvelope;
import chibo.platform.eventstore.Current;
import chibo.platform.eventstore.EventDocuments;
import chibo.platform.eventstore.SnapshotStore;
import chibo.platform.eventstore.StateFold;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

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
