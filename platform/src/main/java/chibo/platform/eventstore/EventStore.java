package chibo.platform.eventstore;

import chibo.contracts.EventCatalog;
import chibo.contracts.EventDraft;
import chibo.contracts.EventEnvelope;
import chibo.contracts.HashChain;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The append-only store of one service's events, which is also its outbox. Each topic's events have their own
 * collection ({@code party.membership.events} in {@code party_membership_events}), so ids of different kinds of
 * subject never collide. Appending is one {@code insertMany}; the unique {@code _id} ({@code subject:seq}) is the
 * optimistic-concurrency check, so no transaction is needed and the same code runs on the embedded server and on
 * a replica set. Every hot-path read is an {@code _id} lookup.
 */
public class EventStore {

    private final MongoDatabase database;
    private final List<String> topics;
    private final Map<String, MongoCollection<Document>> collections = new ConcurrentHashMap<>();
    private final String source;
    private final Clock clock;
    private final MeterRegistry meters;
    private final List<Consumer<List<EventEnvelope>>> appendListeners = new CopyOnWriteArrayList<>();

    /**
     * @param topics the topics this service writes; their collections are swept for unpublished events
     */
    public EventStore(MongoDatabase database, List<String> topics, String source, Clock clock,
                      MeterRegistry meters) {
        this.database = database;
        this.topics = List.copyOf(topics);
        this.source = source;
        this.clock = clock;
        this.meters = meters;
    }

    /** The collection holding a topic's events. */
    public static String collectionName(String topic) {
        return topic.replace('.', '_');
    }

    private MongoCollection<Document> events(String topic) {
        if (!topics.contains(topic)) {
            throw new IllegalArgumentException(source + " does not write to " + topic);
        }
        return collections.computeIfAbsent(topic, t -> database.getCollection(collectionName(t)));
    }

    /** Indexes a real MongoDB uses; the embedded server keeps the unique ones as constraints only. */
    public void ensureIndexes() {
        topics.forEach(this::ensureIndexes);
    }

    private void ensureIndexes(String topic) {
        events(topic).createIndexes(List.of(
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
        List<EventEnvelope> sealed = seal(subject, expectedSeq, previousHash, drafts);
        appendSealed(sealed);
        return sealed;
    }

    /**
     * Seals drafts as the subject's events {@code expectedSeq + 1 ...}, chained to {@code previousHash}, without
     * storing them: see {@link #appendSealed(List)}.
     */
    public List<EventEnvelope> seal(String subject, long expectedSeq, String previousHash, List<EventDraft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        String topic = drafts.getFirst().topic();
        Instant now = clock.instant();
        List<EventEnvelope> sealed = new ArrayList<>(drafts.size());
        String previous = previousHash;
        long seq = expectedSeq;
        for (EventDraft draft : drafts) {
            if (!draft.subject().equals(subject) || !draft.topic().equals(topic)) {
                throw new IllegalArgumentException("draft for " + draft.subject() + " on " + draft.topic()
                        + " appended to " + subject + " on " + topic);
            }
            EventEnvelope event = HashChain.seal(draft, source, ++seq, previous, UUID.randomUUID(), now);
            sealed.add(event);
            previous = event.hash();
        }
        return sealed;
    }

    /**
     * Stores sealed events of one subject in one {@code insertMany}.
     *
     * @throws ConcurrentAppendException when the subject already has an event at the first seq
     */
    public void appendSealed(List<EventEnvelope> sealed) {
        if (sealed.isEmpty()) {
            return;
        }
        EventEnvelope first = sealed.getFirst();
        String topic = EventCatalog.topicOf(first.payload());
        try {
            events(topic).insertMany(sealed.stream().map(EventDocuments::toDocument).toList(),
                    new InsertManyOptions().ordered(true));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(err -> ErrorCategory.fromErrorCode(err.getCode())
                    == ErrorCategory.DUPLICATE_KEY)) {
                throw new ConcurrentAppendException(first.subject(), first.seq() - 1);
            }
            throw e;
        }
        for (EventEnvelope event : sealed) {
            Counter.builder("chibo.events.appended").tag("type", event.type())
                    .description("events accepted and stored").register(meters).increment();
        }
        appendListeners.forEach(listener -> listener.accept(sealed));
    }

    public Optional<EventEnvelope> find(String topic, String subject, long seq) {
        return Optional.ofNullable(findDocument(topic, subject, seq)).map(EventDocuments::toEnvelope);
    }

    /** The subject's events from {@code fromSeq} on, one {@code _id} lookup each, until the first gap. */
    public List<EventEnvelope> readFrom(String topic, String subject, long fromSeq) {
        return readStoredFrom(topic, subject, fromSeq).stream().map(StoredEvent::envelope).toList();
    }

    /** The subject's whole history with each payload exactly as stored, for verification and audit. */
    public List<StoredEvent> history(String topic, String subject) {
        return readStoredFrom(topic, subject, 1);
    }

    private List<StoredEvent> readStoredFrom(String topic, String subject, long fromSeq) {
        List<StoredEvent> result = new ArrayList<>();
        for (long seq = fromSeq; ; seq++) {
            Document document = findDocument(topic, subject, seq);
            if (document == null) {
                return result;
            }
            result.add(new StoredEvent(EventDocuments.toEnvelope(document), EventDocuments.storedPayload(document),
                    document.getBoolean(EventDocuments.PUBLISHED, false)));
        }
    }

    private Document findDocument(String topic, String subject, long seq) {
        return events(topic).find(Filters.eq(EventDocuments.ID, EventEnvelope.storageId(subject, seq))).first();
    }

    /** Events not yet on Kafka that were recorded before {@code recordedBefore}, in subject and seq order. */
    public List<EventEnvelope> unpublished(Instant recordedBefore) {
        List<EventEnvelope> result = new ArrayList<>();
        for (String topic : topics) {
            events(topic).find(Filters.and(Filters.eq(EventDocuments.PUBLISHED, false),
                            Filters.lt(EventDocuments.RECORDED_AT, Date.from(recordedBefore))))
                    .sort(Sorts.ascending(EventDocuments.ID))
                    .forEach(document -> result.add(EventDocuments.toEnvelope(document)));
        }
        return result;
    }

    void markPublished(Collection<EventEnvelope> published) {
        if (published.isEmpty()) {
            return;
        }
        Date now = Date.from(clock.instant());
        Map<String, List<WriteModel<Document>>> updatesByTopic = new java.util.HashMap<>();
        for (EventEnvelope e : published) {
            updatesByTopic.computeIfAbsent(EventCatalog.topicOf(e.payload()), t -> new ArrayList<>())
                    .add(new UpdateOneModel<>(Filters.eq(EventDocuments.ID, e.storageId()),
                            Updates.combine(Updates.set(EventDocuments.PUBLISHED, true),
                                    Updates.set(EventDocuments.PUBLISHED_AT, now))));
        }
        updatesByTopic.forEach((topic, updates) -> events(topic).bulkWrite(updates));
    }

    /** An event as stored, with its payload text (which the hash covers) and whether it reached Kafka yet. */
    public record StoredEvent(EventEnvelope envelope, String storedPayload, boolean published) {
    }
}
