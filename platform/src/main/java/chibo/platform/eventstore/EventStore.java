package chibo.platform.eventstore;

import chibo.contracts.EventDraft;
import chibo.contracts.EventEnvelope;
import chibo.contracts.HashChain;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The append-only store of one service's events, which is also its outbox. Appending is one {@code insertMany};
 * the unique {@code _id} ({@code subject:seq}) is the optimistic-concurrency check, so no transaction is needed
 * and the same code runs on the embedded server and on a replica set. Every hot-path read is an {@code _id} lookup.
 */
public class EventStore {

    private final MongoCollection<Document> events;
    private final String source;
    private final Clock clock;
    private final MeterRegistry meters;
    private final List<Consumer<List<EventEnvelope>>> appendListeners = new CopyOnWriteArrayList<>();

    public EventStore(MongoCollection<Document> events, String source, Clock clock, MeterRegistry meters) {
        this.events = events;
        this.source = source;
        this.clock = clock;
        this.meters = meters;
    }

    /** Indexes a real MongoDB uses; the embedded server keeps the unique ones as constraints only. */
    public void ensureIndexes() {
        events.createIndexes(List.of(
                new IndexModel(Indexes.ascending(EventDocuments.SUBJECT, EventDocuments.SEQ),
                        new IndexOptions().unique(true).name("subject_seq_unique")),
                new IndexModel(Indexes.ascending(EventDocuments.EVENT_ID),
                        new IndexOptions().unique(true).name("event_id_unique")),
                new IndexModel(Indexes.ascending(EventDocuments.PUBLISHED, EventDocuments.RECORDED_AT),
                        new IndexOptions().name("unpublished"))));
    }

    /** Called with every appended batch, in append order (the relay listens here). */
    public void onAppend(Consumer<List<EventEnvelope>> listener) {
        appendListeners.add(listener);
    }

    public String source() {
        return source;
    }

    /**
     * Appends the drafts as the subject's events {@code expectedSeq + 1 ...}, chained to {@code previousHash}.
     *
     * @throws ConcurrentAppendException when the subject already has an event after {@code expectedSeq}
     */
    public List<EventEnvelope> append(String subject, long expectedSeq, String previousHash, List<EventDraft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<EventEnvelope> sealed = new ArrayList<>(drafts.size());
        String previous = previousHash;
        long seq = expectedSeq;
        for (EventDraft draft : drafts) {
            if (!draft.subject().equals(subject)) {
                throw new IllegalArgumentException("draft for " + draft.subject() + " appended to " + subject);
            }
            EventEnvelope event = HashChain.seal(draft, source, ++seq, previous, UUID.randomUUID(), now);
            sealed.add(event);
            previous = event.hash();
        }
        try {
            events.insertMany(sealed.stream().map(EventDocuments::toDocument).toList(),
                    new InsertManyOptions().ordered(true));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(err -> ErrorCategory.fromErrorCode(err.getCode())
                    == ErrorCategory.DUPLICATE_KEY)) {
                throw new ConcurrentAppendException(subject, expectedSeq);
            }
            throw e;
        }
        for (EventEnvelope event : sealed) {
            Counter.builder("chibo.events.appended").tag("type", event.type())
                    .description("events accepted and stored").register(meters).increment();
        }
        appendListeners.forEach(listener -> listener.accept(sealed));
        return sealed;
    }

    public Optional<EventEnvelope> find(String subject, long seq) {
        return Optional.ofNullable(findDocument(subject, seq)).map(EventDocuments::toEnvelope);
    }

    /** The subject's events from {@code fromSeq} on, one {@code _id} lookup each, until the first gap. */
    public List<EventEnvelope> readFrom(String subject, long fromSeq) {
        return readStoredFrom(subject, fromSeq).stream().map(StoredEvent::envelope).toList();
    }

    /** The subject's whole history with each payload exactly as stored, for verification and audit. */
    public List<StoredEvent> history(String subject) {
        return readStoredFrom(subject, 1);
    }

    private List<StoredEvent> readStoredFrom(String subject, long fromSeq) {
        List<StoredEvent> result = new ArrayList<>();
        for (long seq = fromSeq; ; seq++) {
            Document document = findDocument(subject, seq);
            if (document == null) {
                return result;
            }
            result.add(new StoredEvent(EventDocuments.toEnvelope(document), EventDocuments.storedPayload(document),
                    document.getBoolean(EventDocuments.PUBLISHED, false)));
        }
    }

    private Document findDocument(String subject, long seq) {
        return events.find(Filters.eq(EventDocuments.ID, EventEnvelope.storageId(subject, seq))).first();
    }

    /** Events not yet on Kafka that were recorded before {@code recordedBefore}, in subject and seq order. */
    public List<EventEnvelope> unpublished(Instant recordedBefore) {
        List<EventEnvelope> result = new ArrayList<>();
        events.find(Filters.and(Filters.eq(EventDocuments.PUBLISHED, false),
                        Filters.lt(EventDocuments.RECORDED_AT, Date.from(recordedBefore))))
                .sort(Sorts.ascending(EventDocuments.ID))
                .forEach(document -> result.add(EventDocuments.toEnvelope(document)));
        return result;
    }

    void markPublished(Collection<EventEnvelope> published) {
        if (published.isEmpty()) {
            return;
        }
        Date now = Date.from(clock.instant());
        List<WriteModel<Document>> updates = published.stream()
                .<WriteModel<Document>>map(e -> new UpdateOneModel<>(Filters.eq(EventDocuments.ID, e.storageId()),
                        Updates.combine(Updates.set(EventDocuments.PUBLISHED, true),
                                Updates.set(EventDocuments.PUBLISHED_AT, now))))
                .toList();
        events.bulkWrite(updates);
    }

    /** An event as stored, with its payload text (which the hash covers) and whether it reached Kafka yet. */
    public record StoredEvent(EventEnvelope envelope, String storedPayload, boolean published) {
    }
}
